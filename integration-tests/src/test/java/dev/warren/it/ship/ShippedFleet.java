package dev.warren.it.ship;

import dev.warren.WarrenConfig;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.TaskCode;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker processes started from the worker jar alone with {@code --accept-code}, and the bundle
 * queues that a producer with {@code config} puts on the broker for the test's task classes:
 * deleted before the test, after it, and whenever the test says.
 */
final class ShippedFleet implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private final TestBroker test;
    private final List<String> bundleQueues = new ArrayList<>();
    private final List<JvmProcess> workers = new ArrayList<>();

    ShippedFleet(TestBroker test, WarrenConfig config, Class<?>... taskClasses) throws Exception {
        this.test = test;
        for (Class<?> taskClass : taskClasses) {
            bundleQueues.add(bundleQueue(taskClass, config));
        }
        Queues.deleteAfterClass(test, bundleQueues.toArray(String[]::new));
        deleteBundles();
    }

    /**
     * The broker queue of the bundle a producer with {@code config} ships for {@code taskClass}.
     */
    static String bundleQueue(Class<?> taskClass, WarrenConfig config) {
        return BundleSeal.address(
                TaskCode.of(taskClass, config.shipOptions(), config.registrations())
                        .bundle()
                        .hash());
    }

    /** A worker on {@code queue} that runs shipped code, keeping it in {@code cache}. */
    JvmProcess codeWorker(String queue, int concurrency, Path cache, String... more)
            throws Exception {
        List<String> options = new ArrayList<>(List.of("--accept-code", "--bundle-cache"));
        options.add(cache.toString());
        options.addAll(List.of(more));
        return add(
                test.workerLauncher()
                        .jvmArgs("-Xmx256m")
                        .logLevel("INFO")
                        .concurrency(concurrency)
                        .queues(queue)
                        .options(options.toArray(String[]::new))
                        .start());
    }

    /** Stops {@code worker} with the others when the test ends. */
    JvmProcess add(JvmProcess worker) {
        workers.add(worker);
        return worker;
    }

    /** How many bundles {@code worker} fetched from the broker, from its log. */
    static long fetches(JvmProcess worker) {
        return worker.output().stream().filter(l -> l.contains("fetched shipped code")).count();
    }

    void deleteBundles() throws Exception {
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            for (String queue : bundleQueues) {
                channel.queueDelete(queue);
            }
        }
    }

    @Override
    public void close() throws Exception {
        // stopped, not killed: a worker deletes the reply queue of its --task-client on the way out
        for (JvmProcess worker : workers) {
            if (worker.isAlive()) {
                worker.stop(STOP_GRACE);
            }
            worker.close();
        }
        deleteBundles();
    }
}
