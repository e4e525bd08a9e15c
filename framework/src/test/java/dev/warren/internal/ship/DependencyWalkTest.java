package dev.warren.internal.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.internal.ship.crafted.AnnotatedTask;
import dev.warren.internal.ship.crafted.CycleA;
import dev.warren.internal.ship.crafted.GenericTask;
import dev.warren.internal.ship.crafted.LambdaTask;
import dev.warren.internal.ship.crafted.LookupTask;
import dev.warren.internal.ship.crafted.NamedOnlyInString;
import dev.warren.internal.ship.crafted.NestingTask;
import dev.warren.internal.ship.crafted.RecordTask;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyWalkTest {
    private static final String CRAFTED = "dev.warren.internal.ship.crafted.";

    @Test
    void aLambdaBringsTheClassItsBodyCallsAndTheOwnerOfAMethodReference() {
        Shipment s = DependencyWalk.from(LambdaTask.class).walk();

        assertThat(s.ships(CRAFTED + "LambdaTask")).isTrue();
        assertThat(s.ships(CRAFTED + "CalledInLambdaBody")).isTrue();
        assertThat(s.ships(CRAFTED + "ReferencedByMethodHandle")).isTrue();
    }

    @Test
    void warrenAndTheJdkAreNeverShipped() {
        Shipment s = DependencyWalk.from(LambdaTask.class).walk();

        assertThat(s.entries().keySet())
                .noneMatch(name -> name.startsWith("java/"))
                .noneMatch(name -> name.equals("dev/warren/Task.class"))
                .noneMatch(name -> name.equals("dev/warren/TaskContext.class"));
        assertThat(s.missing()).isEmpty();
    }

    @Test
    void innerNestedAndAnonymousClassesComeWithWhatTheyReach() {
        Shipment s = DependencyWalk.from(NestingTask.class).walk();

        assertThat(s.ships(CRAFTED + "NestingTask$Inner")).isTrue();
        assertThat(s.ships(CRAFTED + "NestingTask$Nested")).isTrue();
        assertThat(s.ships(CRAFTED + "NestingTask$1")).isTrue();
        assertThat(s.ships(CRAFTED + "OnlyInInner")).isTrue();
        assertThat(s.ships(CRAFTED + "OnlyInAnonymous")).isTrue();
    }

    @Test
    void aNestedClassWalkedFirstBringsItsHost() {
        Shipment s = DependencyWalk.from(NestingTask.Nested.class).walk();

        assertThat(s.ships(CRAFTED + "NestingTask")).isTrue();
    }

    @Test
    void typeArgumentsAndBoundsFoundOnlyInGenericSignaturesAreShipped() {
        Shipment s = DependencyWalk.from(GenericTask.class).walk();

        assertThat(s.ships(CRAFTED + "OnlyAsTypeArgument")).isTrue();
        assertThat(s.ships(CRAFTED + "OnlyAsBound")).isTrue();
    }

    @Test
    void anAnnotationAndAClassGivenAsItsValueAreShipped() {
        Shipment s = DependencyWalk.from(AnnotatedTask.class).walk();

        assertThat(s.ships(CRAFTED + "Marker")).isTrue();
        assertThat(s.ships(CRAFTED + "OnlyAsAnnotationValue")).isTrue();
    }

    @Test
    void aRecordComponentsElementTypeIsShipped() {
        Shipment s = DependencyWalk.from(RecordTask.class).walk();

        assertThat(s.ships(CRAFTED + "ComponentElement")).isTrue();
    }

    @Test
    void aCycleIsWalkedOnceAndEnds() {
        Shipment s = DependencyWalk.from(CycleA.class).walk();

        assertThat(s.ships(CRAFTED + "CycleA")).isTrue();
        assertThat(s.ships(CRAFTED + "CycleB")).isTrue();
        assertThat(s.entries().keySet().stream().filter(n -> n.endsWith(".class")))
                .containsExactlyInAnyOrder(
                        "dev/warren/internal/ship/crafted/CycleA.class",
                        "dev/warren/internal/ship/crafted/CycleB.class");
    }

    @Test
    void resourcesOfAShippedClassesPackageFolderComeWithIt() {
        Shipment s = DependencyWalk.from(CycleA.class).walk();

        assertThat(
                        new String(
                                s.entries().get("dev/warren/internal/ship/crafted/primes.txt"),
                                StandardCharsets.UTF_8))
                .startsWith("2 3 5");
    }

    @Test
    void lookupsByNameAreReportedWithTheNameOrTheCallSiteAndTheFix() {
        Shipment s = DependencyWalk.from(LookupTask.class).walk();

        assertThat(s.ships(CRAFTED + "NamedOnlyInString")).isFalse();
        assertThat(s.blindspots())
                .extracting(Blindspot::kind)
                .containsExactlyInAnyOrder(
                        Blindspot.Kind.CONSTANT_NAME,
                        Blindspot.Kind.COMPUTED_NAME,
                        Blindspot.Kind.SERVICE_LOADER);
        Blindspot constant =
                s.blindspots().stream()
                        .filter(b -> b.kind() == Blindspot.Kind.CONSTANT_NAME)
                        .findFirst()
                        .orElseThrow();
        assertThat(constant.className()).isEqualTo(CRAFTED + "NamedOnlyInString");
        assertThat(constant.sentence())
                .contains("LookupTask.byConstant (LookupTask.java:")
                .contains("ShipOptions.include(" + CRAFTED + "NamedOnlyInString.class)");
        assertThat(s.blindspots())
                .filteredOn(b -> b.kind() == Blindspot.Kind.COMPUTED_NAME)
                .singleElement()
                .satisfies(b -> assertThat(b.sentence()).contains("LookupTask.byComputed"));
    }

    @Test
    void aClassAddedByHandIsShippedWithWhatItReaches() {
        Shipment s =
                DependencyWalk.from(LookupTask.class)
                        .including(List.of(NamedOnlyInString.class))
                        .walk();

        assertThat(s.ships(CRAFTED + "NamedOnlyInString")).isTrue();
    }

    @Test
    void aClassFromALibraryJarComesWithItsSuperclassAndItsPackagesResources(@TempDir Path dir)
            throws Exception {
        Path jar = CraftedJar.write(dir.resolve("lib.jar"));
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Shipment s =
                    DependencyWalk.from("lib.Root", loader, WorkerBaseline.of(Set.of())).walk();

            assertThat(s.entries().keySet())
                    .containsExactly("lib/Base.class", "lib/Root.class", "lib/data.txt");
            assertThat(s.missing()).containsExactly("lib.Absent");
        }
    }

    @Test
    void theClassesOfABaselineEntryStayBehindEvenWhenReferred(@TempDir Path dir) throws Exception {
        Path jar = CraftedJar.write(dir.resolve("lib.jar"));
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            WorkerBaseline workerHasTheJar = WorkerBaseline.of(Set.of(jar.toUri().toString()));

            assertThat(DependencyWalk.from("lib.Root", loader, workerHasTheJar).walk().entries())
                    .isEmpty();
        }
    }

    @Test
    void aTaskClassWithoutAClassFileIsRefusedNamingIt() {
        ClassLoader empty = new ClassLoader(null) {};

        assertThatThrownBy(
                        () ->
                                DependencyWalk.from(
                                                "com.acme.Nowhere",
                                                empty,
                                                WorkerBaseline.of(Set.of()))
                                        .walk())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.acme.Nowhere has no class file");
    }
}
