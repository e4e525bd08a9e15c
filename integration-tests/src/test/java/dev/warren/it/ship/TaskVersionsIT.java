package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two producers ship two versions of one task class name to one worker process: each task gets its
 * own version's result, and the worker holds both bundles at once.
 */
@WarrenTest
class TaskVersionsIT {
    private static final String QUEUE = "it-ship-versions";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestBroker test;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> bundleQueues = new ArrayList<>();
    @TempDir Path cache;
    @TempDir Path v1Dir;
    @TempDir Path v2Dir;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            for (String queue : bundleQueues) {
                channel.queueDelete(queue);
            }
        }
    }

    private TaskClient producer() {
        Broker broker = Broker.connect(test.config().shipCode(ShipOptions.on()).build());
        open.add(broker);
        TaskClient client = new TaskClient(broker);
        open.add(client);
        return client;
    }

    private String hashOf(Class<?> version) {
        String hash = Bundle.of(DependencyWalk.from(version).walk()).hash();
        bundleQueues.add(BundleSeal.address(hash));
        return hash;
    }

    @Test
    void twoVersionsOfOneTaskClassRunSideBySideEachWithItsOwnResult() throws Exception {
        Class<?> v1 = TaskVersions.compile(v1Dir, "v1", QUEUE);
        Class<?> v2 = TaskVersions.compile(v2Dir, "v2", QUEUE);
        assertThat(v1.getName()).isEqualTo(v2.getName());
        assertThat(v1).isNotEqualTo(v2);
        String hash1 = hashOf(v1);
        String hash2 = hashOf(v2);
        assertThat(hash1).isNotEqualTo(hash2);
        JvmProcess worker =
                test.workerLauncher()
                        .jvmArgs("-Xmx256m")
                        .logLevel("INFO")
                        .concurrency(2)
                        .queues(QUEUE)
                        .options("--accept-code", "--bundle-cache", cache.toString())
                        .start();
        open.add(worker);
        TaskClient first = producer();
        TaskClient second = producer();

        List<TaskHandle<String>> handles = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean odd = i % 2 == 1;
            handles.add((odd ? second : first).submit(TaskVersions.task(odd ? v2 : v1, i)));
            expected.add((odd ? "v2:" : "v1:") + i);
        }
        List<String> results = new ArrayList<>();
        for (TaskHandle<String> handle : handles) {
            results.add(handle.await(WAIT));
        }

        assertThat(results).isEqualTo(expected);
        assertThat(worker.output().stream().filter(l -> l.contains("fetched shipped code")))
                .as(worker.outputText())
                .hasSize(2);
        assertThat(Files.list(cache).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(hash1 + ".bundle", hash2 + ".bundle");
    }
}
