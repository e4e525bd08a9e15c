package com.example.checksums;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app and its tests see Warren as a user does: no internal package. */
@AnalyzeClasses(packages = "com.example")
class UsesPublicApiOnlyTest {
    @ArchTest
    static final ArchRule noInternalPackage =
            noClasses()
                    .that()
                    .resideInAPackage("com.example..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.warren..internal..")
                    .because("an application depends on Warren's published API only");
}
