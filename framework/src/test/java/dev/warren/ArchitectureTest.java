package dev.warren;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The package rules: the API packages (root, client, worker, sync, ops) sit on the internal ones
 * (codec, security <- wire <- protocol, transport), and RabbitMQ stays below the API.
 */
@AnalyzeClasses(packages = "dev.warren", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "dev.warren";
    private static final String INTERNAL = "dev.warren.internal..";
    private static final String CODEC = "dev.warren.internal.codec..";
    private static final String TYPES = "dev.warren.internal.types..";
    private static final String SECURITY = "dev.warren.internal.security..";
    private static final String WIRE = "dev.warren.internal.wire..";
    private static final String PROTOCOL = "dev.warren.internal.protocol..";
    private static final String TRANSPORT = "dev.warren.internal.transport..";
    private static final String CLIENT = "dev.warren.client..";
    private static final String WORKER = "dev.warren.worker..";
    private static final String SYNC = "dev.warren.sync..";
    private static final String OPS = "dev.warren.ops..";
    private static final String RABBITMQ = "com.rabbitmq..";
    private static final String BROKER = "dev.warren.Broker";

    @ArchTest
    static final ArchRule theRootPackageDependsOnNoSubPackageButBrokerOnItsLink =
            noClasses()
                    .that()
                    .resideInAPackage(ROOT)
                    .and()
                    .doNotHaveFullyQualifiedName(BROKER)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.warren.*..")
                    .because("the root holds what every other package builds on");

    @ArchTest
    static final ArchRule theBrokerHandleReachesOnlyItsLink =
            noClasses()
                    .that()
                    .haveFullyQualifiedName(BROKER)
                    .should()
                    .dependOnClassesThat(
                            DescribedPredicate.describe(
                                    "are in a sub-package, other than BrokerLink",
                                    (JavaClass c) ->
                                            c.getPackageName().startsWith("dev.warren.")
                                                    && !c.getName()
                                                            .startsWith(
                                                                    "dev.warren.internal.transport.BrokerLink")));

    @ArchTest
    static final ArchRule codecAndSecurityDependOnNothingAboveThem =
            noClasses()
                    .that()
                    .resideInAnyPackage(CODEC, SECURITY)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(WIRE, PROTOCOL, TRANSPORT, CLIENT, WORKER, SYNC, OPS);

    @ArchTest
    static final ArchRule theTypeClosureAndScanDependOnNoOtherInternalPackage =
            noClasses()
                    .that()
                    .resideInAPackage(TYPES)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            CODEC, SECURITY, WIRE, PROTOCOL, TRANSPORT, CLIENT, WORKER, SYNC, OPS)
                    .because("which types a task reaches is pure reflection, testable alone");

    @ArchTest
    static final ArchRule codecDoesNotDependOnSecurity =
            noClasses()
                    .that()
                    .resideInAPackage(CODEC)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(SECURITY)
                    .because("codec and security are siblings, both on top of the root only");

    @ArchTest
    static final ArchRule securityDoesNotDependOnCodec =
            noClasses()
                    .that()
                    .resideInAPackage(SECURITY)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(CODEC)
                    .because("verification must not need the codec: nothing is decoded before it");

    @ArchTest
    static final ArchRule theWireKnowsNoProtocolAndNoBroker =
            noClasses()
                    .that()
                    .resideInAPackage(WIRE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(PROTOCOL, TRANSPORT, RABBITMQ)
                    .because("envelopes and sealing are plain data and crypto, testable alone");

    @ArchTest
    static final ArchRule theTaskProtocolNeedsNoBroker =
            noClasses()
                    .that()
                    .resideInAPackage(PROTOCOL)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(TRANSPORT, RABBITMQ)
                    .because("every message of the task path can be built and read without one");

    @ArchTest
    static final ArchRule internalsDependOnNoApiPackageAboveThem =
            noClasses()
                    .that()
                    .resideInAPackage(INTERNAL)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(CLIENT, WORKER, SYNC, OPS)
                    .because("root <- internals <- {client, worker, sync, ops}");

    @ArchTest
    static final ArchRule theClientNeverDependsOnTheWorker =
            noClasses()
                    .that()
                    .resideInAPackage(CLIENT)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(WORKER);

    @ArchTest
    static final ArchRule theWorkerNeverDependsOnTheClient =
            noClasses()
                    .that()
                    .resideInAPackage(WORKER)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(CLIENT);

    @ArchTest
    static final ArchRule coordinationAndOperationsStandAlone =
            noClasses()
                    .that()
                    .resideInAnyPackage(SYNC, OPS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(CLIENT, WORKER)
                    .because("a process can coordinate or inspect without running tasks");

    @ArchTest
    static final ArchRule onlyTransportAndSyncTouchRabbitMq =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(TRANSPORT, SYNC)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(RABBITMQ)
                    .because("RabbitMQ's client and its checked exceptions stay in one place");

    private static final DescribedPredicate<JavaMember> VISIBLE_OUTSIDE_THE_PACKAGE =
            DescribedPredicate.describe(
                    "public or protected members of public classes",
                    member ->
                            isPublicApi(member.getOwner())
                                    && (member.getModifiers().contains(JavaModifier.PUBLIC)
                                            || member.getModifiers()
                                                    .contains(JavaModifier.PROTECTED)));

    /**
     * A public class outside {@code internal} whose enclosing classes are public too, so users
     * reach it.
     */
    private static boolean isPublicApi(JavaClass type) {
        if (type.getPackageName().startsWith("dev.warren.internal")) {
            return false;
        }
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static final ArchCondition<JavaCodeUnit> NOT_EXPOSE_RABBITMQ_IN_SIGNATURE =
            new ArchCondition<>("not expose RabbitMQ or internal types in their signature") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaType> signature = new ArrayList<>();
                    signature.add(unit.getReturnType());
                    signature.addAll(unit.getParameterTypes());
                    signature.addAll(unit.getThrowsClause().getTypes());
                    signature.addAll(unit.getTypeParameters());
                    report(unit, unit.getFullName(), signature, events);
                }
            };

    private static final ArchCondition<JavaField> NOT_EXPOSE_RABBITMQ_IN_TYPE =
            new ArchCondition<>("not have a RabbitMQ or internal type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    report(field, field.getFullName(), List.of(field.getType()), events);
                }
            };

    private static final ArchCondition<JavaClass> NOT_EXTEND_OR_IMPLEMENT_RABBITMQ =
            new ArchCondition<>("not extend or implement RabbitMQ or internal types") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<JavaType> supertypes = new ArrayList<>();
                    type.getSuperclass().ifPresent(supertypes::add);
                    supertypes.addAll(type.getInterfaces());
                    report(type, type.getName(), supertypes, events);
                }
            };

    private static void report(
            Object item, String name, List<? extends JavaType> types, ConditionEvents events) {
        Set<String> hidden = new TreeSet<>();
        for (JavaType t : types) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                String where = raw.getPackageName();
                if (where.startsWith("com.rabbitmq") || where.startsWith("dev.warren.internal")) {
                    hidden.add(raw.getName());
                }
            }
        }
        boolean violated = !hidden.isEmpty();
        String message =
                violated
                        ? name + " exposes " + String.join(", ", hidden)
                        : name + " exposes no RabbitMQ or internal type";
        events.add(new SimpleConditionEvent(item, !violated, message));
    }

    @ArchTest
    static final ArchRule noPublicMethodOrConstructorExposesRabbitMqOrInternalTypes =
            codeUnits()
                    .that(VISIBLE_OUTSIDE_THE_PACKAGE)
                    .should(NOT_EXPOSE_RABBITMQ_IN_SIGNATURE)
                    .because("users meet neither RabbitMQ nor Warren's plumbing");

    @ArchTest
    static final ArchRule noPublicFieldExposesRabbitMqOrInternalTypes =
            fields().that(VISIBLE_OUTSIDE_THE_PACKAGE)
                    .should(NOT_EXPOSE_RABBITMQ_IN_TYPE)
                    .because("users meet neither RabbitMQ nor Warren's plumbing")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noPublicClassExtendsOrImplementsRabbitMqOrInternalTypes =
            classes()
                    .that(
                            DescribedPredicate.describe(
                                    "are public API", ArchitectureTest::isPublicApi))
                    .should(NOT_EXTEND_OR_IMPLEMENT_RABBITMQ)
                    .because("users meet neither RabbitMQ nor Warren's plumbing");

    @ArchTest
    static final ArchRule namesExplainThemselves =
            noClasses()
                    .should()
                    .haveSimpleNameEndingWith("Impl")
                    .orShould()
                    .haveSimpleNameEndingWith("Manager")
                    .orShould()
                    .haveSimpleNameEndingWith("Helper")
                    .orShould()
                    .haveSimpleNameEndingWith("Util")
                    .orShould()
                    .haveSimpleNameEndingWith("Utils")
                    .because("names explain themselves: no Impl, no Manager/Helper/Util grab-bags");
}
