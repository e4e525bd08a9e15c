package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.internal.transport.Topology;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle queue that is gone between two submits (expired, deleted, lost) does not strand the task
 * class: the producer puts the bundle again and submits the refused task once more.
 */
@WarrenTest
class MissingBundleIT {
    private static final String QUEUE = "it-missing-bundle";
    private static final SubmitOptions TO_QUEUE = SubmitOptions.onQueue(QUEUE);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestBroker test;
    private Broker broker;
    private TaskClient client;
    private String bundleQueue;
    private final List<JvmProcess> workers = new ArrayList<>();
    @TempDir Path firstCache;
    @TempDir Path secondCache;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        bundleQueue =
                BundleSeal.address(
                        Bundle.of(DependencyWalk.from(ShippedPrimeSum.class).walk()).hash());
        deleteBundleQueue();
        broker = Broker.connect(test.config().shipCode(ShipOptions.on()).build());
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        for (JvmProcess worker : workers) {
            worker.close();
        }
        client.close();
        broker.close();
        deleteBundleQueue();
        Queues.reset(test, QUEUE);
    }

    private void deleteBundleQueue() throws Exception {
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(bundleQueue);
        }
    }

    private JvmProcess codeWorker(Path cache) throws Exception {
        JvmProcess worker =
                test.workerLauncher()
                        .jvmArgs("-Xmx256m")
                        .logLevel("INFO")
                        .concurrency(1)
                        .queues(QUEUE)
                        .options("--accept-code", "--bundle-cache", cache.toString())
                        .start();
        workers.add(worker);
        return worker;
    }

    @Test
    void aBundleDeletedBetweenTwoSubmitsIsPutAgainAndTheTaskRuns() throws Exception {
        JvmProcess first = codeWorker(firstCache);
        assertThat(client.submit(new ShippedPrimeSum(10), TO_QUEUE).await(WAIT)).isEqualTo(17L);
        first.close();
        deleteBundleQueue();
        JvmProcess second = codeWorker(secondCache);

        assertThat(client.submit(new ShippedPrimeSum(1000), TO_QUEUE).await(WAIT))
                .as(second.outputText())
                .isEqualTo(76127L);

        assertThat(second.outputText()).contains("fetched shipped code");
        // the refused first try is a dead letter; so may be the first task, if the first worker
        // was stopped before its ack reached the broker and the second one got it again
        String dead = Topology.deadLetterQueue(QUEUE);
        await().atMost(WAIT).until(() -> Queues.depth(test, dead) >= 1);
        assertThat(Queues.depth(test, bundleQueue)).as("the bundle is back").isEqualTo(1);
    }
}
