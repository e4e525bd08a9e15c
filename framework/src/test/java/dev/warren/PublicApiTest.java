package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How much of the framework a user meets, and that every package says what it is. */
class PublicApiTest {
    /**
     * What a user meets: the task and client types with their options ({@code ShipOptions}), the
     * worker, the operator tools, and one type per coordination primitive with its options ({@code
     * CoordinatorOptions}, {@code LockOptions}, {@code QueueOptions}) and the records it hands out
     * ({@code SubscriptionGap}, {@code EntryEvent}), and the exceptions it throws ({@code
     * BrokenBarrierException}). Raise it only for a type a user needs to name.
     */
    private static final int MOST_PUBLIC_TYPES = 48;

    private static final Path SOURCES = Path.of("src/main/java/dev/warren");

    @Test
    void atMostThirtyEightPublicTypesLiveOutsideTheInternalPackages() {
        List<String> api =
                new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("dev.warren")
                                .stream()
                                .filter(JavaClass::isTopLevelClass)
                                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                                .filter(c -> !c.getPackageName().startsWith("dev.warren.internal"))
                                .filter(c -> !c.getSimpleName().equals("package-info"))
                                .map(JavaClass::getName)
                                .sorted()
                                .toList();

        assertThat(api).hasSizeLessThanOrEqualTo(MOST_PUBLIC_TYPES);
    }

    /**
     * {@code Worker.Stats} is built by the worker and read by users, heartbeats and dashboards: a
     * new component changes its constructor, so it is added here on purpose (stuck: task threads
     * left behind after their timeout and grace).
     */
    @Test
    void workerStatsHasTheseComponentsInThisOrder() {
        assertThat(
                        Stream.of(dev.warren.worker.Worker.Stats.class.getRecordComponents())
                                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("succeeded", "failed", "retried", "rejected", "inFlight", "stuck");
    }

    @Test
    void everyPackageHasAPackageInfoSayingWhetherItIsApi() throws IOException {
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            packages =
                    dirs.filter(Files::isDirectory)
                            .filter(PublicApiTest::holdsJavaSources)
                            .toList();
        }

        assertThat(packages).isNotEmpty();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("package-info of %s", dir).exists();
            String text = Files.readString(info);
            assertThat(text.contains("<p>API") || text.contains("<p>Internal"))
                    .as("%s says whether the package is API or internal", info)
                    .isTrue();
        }
    }

    private static boolean holdsJavaSources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
