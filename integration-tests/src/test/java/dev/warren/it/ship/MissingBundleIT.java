package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.Topology;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
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
    private ShippedFleet fleet;
    private String bundleQueue;
    @TempDir Path firstCache;
    @TempDir Path secondCache;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        WarrenConfig config = test.config().shipCode(ShipOptions.on()).build();
        fleet = new ShippedFleet(test, config, ShippedPrimeSum.class);
        bundleQueue = ShippedFleet.bundleQueue(ShippedPrimeSum.class, config);
        broker = Broker.connect(config);
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
        client.close();
        broker.close();
        Queues.reset(test, QUEUE);
    }

    @Test
    void aBundleDeletedBetweenTwoSubmitsIsPutAgainAndTheTaskRuns() throws Exception {
        JvmProcess first = fleet.codeWorker(QUEUE, 1, firstCache);
        assertThat(client.submit(new ShippedPrimeSum(10), TO_QUEUE).await(WAIT)).isEqualTo(17L);
        first.close();
        fleet.deleteBundles();
        JvmProcess second = fleet.codeWorker(QUEUE, 1, secondCache);

        var handle = client.submit(new ShippedPrimeSum(1000), TO_QUEUE);
        var firstId = handle.id();
        assertThat(handle.await(WAIT)).as(second.outputText()).isEqualTo(76127L);
        assertThat(handle.id())
                .as("the handle names the id it was submitted again under")
                .isNotEqualTo(firstId);

        assertThat(second.outputText()).contains("fetched shipped code");
        // the refused first try is a dead letter; so may be the first task, if the first worker
        // was stopped before its ack reached the broker and the second one got it again
        String dead = Topology.deadLetterQueue(QUEUE);
        await().atMost(WAIT).until(() -> Queues.depth(test, dead) >= 1);
        assertThat(Queues.depth(test, bundleQueue)).as("the bundle is back").isEqualTo(1);
    }
}
