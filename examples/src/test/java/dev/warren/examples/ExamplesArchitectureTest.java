package dev.warren.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Examples, and the tests that run them, use the public API only. */
@AnalyzeClasses(packages = "dev.warren.examples")
class ExamplesArchitectureTest {
    @ArchTest
    static final ArchRule examplesNeverTouchWarrensPlumbing =
            noClasses()
                    .that()
                    .resideInAPackage("dev.warren.examples..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.warren.internal..")
                    .because("examples are what users copy, and users see only the public API");
}
