package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warren end to end: one client in this JVM, no-op tasks through worker processes. At each worker
 * count a full-load run of the first payload ({@code --rounds} times, the median counts); with the
 * first worker count also the other payloads and the one-at-a-time latency.
 */
final class ThroughputStage {
    private final BenchmarkRun run;
    private final LoadOptions load;
    private final WorkerOptions workerOptions;
    private final int[] payloads;
    private final int rounds;
    private double bestRate;
    private int bestWorkers;
    private double oneAtATimeP50 = Double.NaN;

    ThroughputStage(
            BenchmarkRun run,
            LoadOptions load,
            WorkerOptions workerOptions,
            int[] payloads,
            int rounds) {
        this.run = run;
        this.load = load;
        this.workerOptions = workerOptions;
        this.payloads = payloads;
        this.rounds = rounds;
    }

    void run(OneHopBaseline baseline) throws Exception {
        try (Broker broker = Broker.connect(run.config())) {
            // leftovers of an interrupted run would be counted as this run's work
            BrokerLink.of(broker).topology().delete(Topology.workQueue(NoopTask.QUEUE));
            TaskClient client = new TaskClient(broker);
            try (WorkerFleet fleet = run.fleet(workerOptions)) {
                FullLoadRun fullLoad =
                        new FullLoadRun(client, fleet, load, workerOptions, baseline);
                for (int workers : load.workers) {
                    System.out.printf(
                            "Warren: starting worker processes until there are %d ...%n", workers);
                    fleet.growTo(workers);
                    measureAtEachPayload(broker, fullLoad, workers);
                    if (workers == load.workers[0]) {
                        measureOneAtATime(broker, client, workers, baseline);
                    }
                }
            } finally {
                client.close();
                BrokerLink.of(broker).topology().delete(Topology.replyQueue(client.clientId()));
            }
        }
        addVerdicts(baseline);
    }

    /** The payload sweep runs with the first worker count only. */
    private void measureAtEachPayload(Broker broker, FullLoadRun fullLoad, int workers)
            throws Exception {
        for (int p = 0; p < payloads.length; p++) {
            int payload = payloads[p];
            if (p > 0 && workers != load.workers[0]) {
                continue;
            }
            int runs = p == 0 ? rounds : 1;
            List<Row> all = new ArrayList<>();
            for (int round = 0; round < runs; round++) {
                all.add(
                        RerunOnBrokerOutage.measure(
                                broker, () -> fullLoad.measure(workers, payload)));
            }
            MedianOfRuns<Row> median = MedianOfRuns.of(all, Row::ratePerSecond);
            Row row = median.median().withNote(median.note("tasks/s") + median.median().note());
            run.results().add(row);
            if (p == 0 && row.ratePerSecond() > bestRate) {
                bestRate = row.ratePerSecond();
                bestWorkers = workers;
            }
        }
    }

    private void measureOneAtATime(
            Broker broker, TaskClient client, int workers, OneHopBaseline baseline)
            throws Exception {
        int payload = payloads[0];
        Row row =
                RerunOnBrokerOutage.measure(
                        broker,
                        () ->
                                OneAtATimeRun.measure(
                                        client, workers, payload, load.latencySamples, baseline));
        run.results().add(row);
        oneAtATimeP50 = row.p50Micros();
    }

    private void addVerdicts(OneHopBaseline baseline) {
        Optional<PerfTestRun.Result> maxRate = baseline.maxRate(payloads[0]);
        if (maxRate.isPresent()) {
            double ratio = baseline.throughputRatio(payloads[0], bestRate);
            run.results()
                    .verdict(
                            TargetVerdicts.throughput(
                                    bestRate, bestWorkers, ratio, maxRate.get().receiveRate()));
        }
        Optional<PerfTestRun.Result> lowRate = baseline.atLowRate();
        if (lowRate.isPresent()) {
            double ratio = baseline.latencyRatio(oneAtATimeP50);
            run.results()
                    .verdict(
                            TargetVerdicts.latency(
                                    oneAtATimeP50,
                                    ratio,
                                    lowRate.get().p50(),
                                    baseline.lowRatePerSecond()));
        }
    }
}
