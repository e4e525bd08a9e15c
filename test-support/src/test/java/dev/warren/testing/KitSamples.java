package dev.warren.testing;

import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
import static dev.warren.testing.assertions.WarrenAssertions.deadLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warren.Broker;
import dev.warren.Task;
import dev.warren.TaskCatalog;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.ops.DeadLetter;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Test classes written with the kit, run by {@link TestKitIT} through a JUnit launcher of its own;
 * found by the build's own run they skip themselves.
 */
final class KitSamples {
    static volatile boolean launchedByTheTest;
    static final List<String> namespaces = new CopyOnWriteArrayList<>();

    private KitSamples() {}

    @TaskOptions(queue = "kit-echo")
    record Echo(String text) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return text;
        }
    }

    @TaskOptions(queue = "kit-echo")
    record Broken(String why) implements Task<String> {
        @Override
        public String run(TaskContext ctx) throws IOException {
            throw new IOException(why);
        }
    }

    public static final class Catalog implements TaskCatalog {
        @Override
        public void register(Registry registry) {
            registry.register(Echo.class, 100).register(Broken.class, 101);
        }
    }

    /** Fields and parameters given, a worker started by the annotation. */
    @WarrenTest(workers = "kit-echo", catalogs = Catalog.class)
    static class UsesTheKit {
        TaskClient client;
        WarrenConfig config;

        @Test
        void tasksRunOnTheClassesWorkersInItsNamespace(Broker broker, Coordinator coordinator) {
            assumeTrue(launchedByTheTest);
            namespaces.add(config.namespace());
            assertThat(client.submit(new Echo("hi")))
                    .succeedsWithin(Duration.ofSeconds(20))
                    .isEqualTo("hi");
            assertThat(client.submit(new Broken("disk full")))
                    .failsWith(IOException.class)
                    .hasMessageContaining("disk full");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deadLetters(broker, "kit-echo").size() == 1);
            assertThat(deadLetters(broker, "kit-echo"))
                    .extracting(DeadLetter::reason, DeadLetter::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("FAILED", Broken.class.getName()));
            DistributedLock.named("kit-lock", coordinator).acquire(Duration.ofSeconds(5)).close();
        }
    }

    /** Workers started on demand. */
    @WarrenTest(catalogs = Catalog.class)
    static class StartsWorkersOnDemand {
        @Test
        void aWorkerStartedInTheTestTakesTheTask(
                TestWorkers workers, TaskClient client, WarrenConfig config) {
            assumeTrue(launchedByTheTest);
            namespaces.add(config.namespace());
            workers.start("kit-echo");
            assertThat(client.submit(new Echo("later")))
                    .succeedsWithin(Duration.ofSeconds(20))
                    .isEqualTo("later");
        }
    }
}
