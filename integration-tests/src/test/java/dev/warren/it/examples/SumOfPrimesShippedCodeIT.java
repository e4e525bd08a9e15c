package dev.warren.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.primes.SumOfPrimesExample;
import dev.warren.examples.primes.SumPrimes;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.WorkerLauncher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's example with {@code --ship-code}: its workers run from the worker jar alone and get
 * the code of the task from the producer.
 */
@WarrenTest
class SumOfPrimesShippedCodeIT {
    private static final String QUEUE = "it-primes-shipped-code";
    private static final List<Long> INPUTS = List.of(10L, 100L, 100_000L, 100_100L);

    private TestBroker test;
    private String bundleQueue;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        bundleQueue =
                BundleSeal.address(Bundle.of(DependencyWalk.from(SumPrimes.class).walk()).hash());
        Queues.deleteAfterClass(test, bundleQueue);
        deleteBundleQueue();
    }

    @AfterEach
    void deleteBundleQueue() throws Exception {
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(bundleQueue);
        }
    }

    @Test
    void workersWithoutTheExamplesJarPrintTheSameSumsAsWithIt() throws Exception {
        Map<Long, String> workerCommandLines = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watchWorkers(workerCommandLines), "worker-watcher");
        watcher.setDaemon(true);
        watcher.start();
        List<Long> sums;
        try {
            sums =
                    SumOfPrimesExample.run(
                            ExampleEnvironment.of(test.uri(), test.keysText()),
                            2,
                            INPUTS,
                            true,
                            QUEUE);
        } finally {
            watcher.interrupt();
            watcher.join();
        }

        assertThat(sums)
                .containsExactlyElementsOf(INPUTS.stream().map(SumPrimes::sumBelow).toList())
                .containsExactly(17L, 1060L, 454_396_537L, SumPrimes.sumBelow(100_100L));
        String examples = WorkerLauncher.locationOf(SumPrimes.class);
        assertThat(workerCommandLines).as("the example's worker processes").hasSize(2);
        assertThat(workerCommandLines.values())
                .allSatisfy(
                        line ->
                                assertThat(line)
                                        .contains("warren-worker.jar", "--accept-code")
                                        .doesNotContain(
                                                examples, "warren-examples", "--classpath"));
    }

    /** Records the command line of every worker process this JVM starts, until interrupted. */
    private static void watchWorkers(Map<Long, String> commandLines) {
        while (!Thread.currentThread().isInterrupted()) {
            ProcessHandle.current()
                    .descendants()
                    .forEach(
                            process ->
                                    process.info()
                                            .commandLine()
                                            .filter(line -> line.contains(QUEUE))
                                            .ifPresent(
                                                    line -> commandLines.put(process.pid(), line)));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
