package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BundleShelf;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With quorum queues a bundle queue is a quorum queue, and reading it still gives the bundle back:
 * readers at the same moment all get it, and it stays.
 */
@WarrenTest
class QuorumBundleShelfIT {
    private static final byte[] BODY = "bundle bytes".getBytes();

    private TestBroker test;
    private Broker broker;
    private BundleShelf shelf;
    private String queue;

    @BeforeEach
    void start(TestBroker test) {
        this.test = test;
        queue = "warren.bundle.it-quorum-" + UUID.randomUUID();
        broker = Broker.connect(test.config().quorumQueues(true).build());
        shelf = BrokerLink.of(broker).bundles();
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    @Test
    void aBundleQueueIsQuorumWithQuorumQueues() throws Exception {
        shelf.putOnce(queue, BODY, Map.of());

        try (com.rabbitmq.client.Connection connection = test.rawConnection()) {
            com.rabbitmq.client.Channel channel =
                    connection.createChannel(); // the refusal closes it
            assertThatThrownBy(
                            () ->
                                    channel.queueDeclare(
                                            queue,
                                            true,
                                            false,
                                            false,
                                            Map.of(
                                                    "x-expires",
                                                    BundleShelf.EXPIRY.toMillis(),
                                                    "x-queue-type",
                                                    "classic")))
                    .hasStackTraceContaining("x-queue-type")
                    .hasStackTraceContaining("quorum");
        }
    }

    @Test
    void aShippedTaskRunsOnAQuorumWorkerThroughAQuorumBundleQueue(@TempDir Path cache)
            throws Exception {
        String taskQueue = "it-quorum-shipped-" + UUID.randomUUID();
        Queues.reset(test, taskQueue);
        String bundleQueue =
                BundleSeal.address(
                        Bundle.of(DependencyWalk.from(ShippedPrimeSum.class).walk()).hash());
        Queues.deleteAfterClass(test, bundleQueue);
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(bundleQueue);
        }
        queue = bundleQueue; // deleted after the test
        try (Broker shipping =
                        Broker.connect(
                                test.config()
                                        .quorumQueues(true)
                                        .shipCode(ShipOptions.on())
                                        .build());
                TaskClient client = new TaskClient(shipping);
                JvmProcess worker =
                        test.workerLauncher()
                                .jvmArgs("-Xmx256m")
                                .logLevel("INFO")
                                .queues(taskQueue)
                                .options(
                                        "--quorum",
                                        "--accept-code",
                                        "--bundle-cache",
                                        cache.toString())
                                .start()) {
            assertThat(
                            client.submit(new ShippedPrimeSum(10), SubmitOptions.onQueue(taskQueue))
                                    .await(Duration.ofSeconds(30)))
                    .as(worker.outputText())
                    .isEqualTo(17L);
            assertThat(worker.outputText()).contains("fetched shipped code");
        }
    }

    @Test
    void twoReadersAtOnceBothGetTheBundleAndItStays() throws Exception {
        shelf.putOnce(queue, BODY, Map.of("k", "v"));
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Optional<BundleShelf.Copy>>> reads = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    reads.add(
                            readers.submit(
                                    () -> {
                                        together.await();
                                        return shelf.read(queue, Duration.ofSeconds(5));
                                    }));
                }
                for (Future<Optional<BundleShelf.Copy>> read : reads) {
                    Optional<BundleShelf.Copy> copy = read.get(30, TimeUnit.SECONDS);
                    assertThat(copy).as("round %d", round).isPresent();
                    assertThat(copy.get().body()).isEqualTo(BODY);
                    assertThat(copy.get().headers().get("k")).hasToString("v");
                }
            }
        } finally {
            readers.shutdownNow();
        }
        // a give-back reaches a quorum queue a moment after the reader's channel closed
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Queues.depth(test, queue) == 1);
        shelf.putOnce(queue, BODY, Map.of());
        assertThat(Queues.depth(test, queue)).as("given back, and not put twice").isEqualTo(1);
    }
}
