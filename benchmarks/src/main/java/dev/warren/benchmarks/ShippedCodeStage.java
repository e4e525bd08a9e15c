package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shipped code against the jar, in pairs of fresh worker processes on queues of their own, same
 * broker, same run: one started from the worker jar alone ({@code --accept-code}, an empty bundle
 * cache), one with the benchmark classes on {@code --classpath}. In each pair: the first result of
 * each cold worker (for the shipped one: a fresh producer walks, seals and puts the bundle, the
 * worker fetches, verifies, caches and loads it), then full-load rates and one-at-a-time latency
 * once the bundle is cached. Which side goes first alternates from pair to pair.
 */
final class ShippedCodeStage {
    static final String SHIPPED_QUEUE = "bench-shipped-code";
    static final String JAR_QUEUE = "bench-shipped-jar";
    private static final int PAYLOAD = 100;

    private final BenchmarkRun run;
    private final ShippedCodeOptions options;
    private final WorkerOptions workers;
    private final LoadOptions load;
    private final OneHopBaseline baseline;
    private final PairedRatios firstResult = new PairedRatios();
    private final PairedRatios fullLoadTime = new PairedRatios();
    private final PairedRatios oneAtATime = new PairedRatios();

    ShippedCodeStage(
            BenchmarkRun run,
            ShippedCodeOptions options,
            WorkerOptions workers,
            LoadOptions load,
            OneHopBaseline baseline) {
        this.run = run;
        this.options = options;
        this.workers = workers;
        this.load = load;
        this.baseline = baseline;
    }

    void run() throws Exception {
        String bundleQueue =
                BundleSeal.address(Bundle.of(DependencyWalk.from(NoopTask.class).walk()).hash());
        try {
            for (int pair = 1; pair <= options.pairs; pair++) {
                BenchmarkQueues.delete(run.config(), bundleQueue);
                measurePair(pair, pair % 2 == 1);
            }
        } finally {
            BenchmarkQueues.delete(
                    run.config(),
                    bundleQueue,
                    Topology.workQueue(SHIPPED_QUEUE),
                    Topology.deadLetterQueue(SHIPPED_QUEUE),
                    Topology.takenLog(SHIPPED_QUEUE),
                    Topology.workQueue(JAR_QUEUE),
                    Topology.deadLetterQueue(JAR_QUEUE),
                    Topology.takenLog(JAR_QUEUE));
        }
        System.out.println();
        System.out.println("Shipped code against the jar, ratio shipped / jar per pair:");
        System.out.println(
                "  time to the first result on a cold worker: " + firstResult.describe());
        System.out.println(
                "  time per task at full load, cached bundle: " + fullLoadTime.describe());
        System.out.println(
                "  p50 round trip one at a time, cached bundle: " + oneAtATime.describe());
    }

    /**
     * The run's client configuration with shipping on and without the benchmark's catalog: explicit
     * Kryo ids do not travel with a bundle, so shipped tasks use the ids derived from their names.
     */
    private WarrenConfig shippingConfig() {
        return WarrenConfig.custom()
                .brokerUri(run.brokerUri())
                .signingKeys(SigningKeys.parse(run.keys(), "benchmark"))
                .publishWindow(run.config().publishWindow())
                .connectionName("warren-bench-shipped")
                .shipCode(ShipOptions.on())
                .build();
    }

    private void measurePair(int pair, boolean shippedFirst) throws Exception {
        System.out.printf(
                "Shipped code, pair %d of %d: starting a fresh worker of each kind ...%n",
                pair, options.pairs);
        Path cache = Files.createTempDirectory(run.directory(), "bundles-");
        ShippedCodeWorkers fleet = new ShippedCodeWorkers(run, workers);
        List<JvmProcess> started =
                List.of(
                        fleet.acceptingCode(SHIPPED_QUEUE, cache, pair),
                        fleet.withJar(JAR_QUEUE, pair));
        try (Broker shipping = Broker.connect(shippingConfig());
                Broker plain = Broker.connect(run.config())) {
            JvmProcess.awaitReady(started);
            TaskClient shippingClient = new TaskClient(shipping);
            TaskClient plainClient = new TaskClient(plain);
            try {
                ShippedCodeSide shipped =
                        new ShippedCodeSide(
                                "shipped", shippingClient, SubmitOptions.onQueue(SHIPPED_QUEUE));
                ShippedCodeSide jar =
                        new ShippedCodeSide("jar", plainClient, SubmitOptions.onQueue(JAR_QUEUE));
                List<ShippedCodeSide> order =
                        shippedFirst ? List.of(shipped, jar) : List.of(jar, shipped);
                for (ShippedCodeSide side : order) {
                    side.measureFirstResult(PAYLOAD);
                }
                for (ShippedCodeSide side : order) {
                    side.measureFullLoad(options.tasks, load.window, PAYLOAD, baseline);
                }
                for (ShippedCodeSide side : order) {
                    side.measureOneAtATime(options.samples, PAYLOAD, baseline);
                }
                firstResult.add(shipped.firstResult().seconds(), jar.firstResult().seconds());
                fullLoadTime.add(
                        1 / shipped.fullLoad().ratePerSecond(), 1 / jar.fullLoad().ratePerSecond());
                oneAtATime.add(shipped.oneAtATime().p50Micros(), jar.oneAtATime().p50Micros());
                for (ShippedCodeSide side : List.of(shipped, jar)) {
                    run.results().add(side.firstResult());
                    run.results().add(side.fullLoad());
                    run.results().add(side.oneAtATime());
                }
            } finally {
                shippingClient.close();
                plainClient.close();
                BrokerLink.of(plain).topology().delete(Topology.replyQueue(plainClient.clientId()));
                BrokerLink.of(shipping)
                        .topology()
                        .delete(Topology.replyQueue(shippingClient.clientId()));
            }
        } finally {
            JvmProcess.stop(started, java.time.Duration.ofSeconds(40));
        }
    }
}
