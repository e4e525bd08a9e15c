package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.wire.Heading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RabbitMQ PerfTest on the same broker, with messages the size of Warren's encoded task bodies: the
 * one-hop rate at each payload (the first one {@code --rounds} times, the median counts), then the
 * one-hop latency at a low rate.
 */
final class PerfTestStage {
    private final BenchmarkRun run;
    private final PerfTestOptions options;
    private final int[] payloads;
    private final int rounds;
    private final int confirmWindow;
    private final int prefetch;

    /**
     * @param confirmWindow Warren's publish window, so both publish with as many unconfirmed
     * @param prefetch the workers' prefetch
     */
    PerfTestStage(
            BenchmarkRun run,
            PerfTestOptions options,
            int[] payloads,
            int rounds,
            int confirmWindow,
            int prefetch) {
        this.run = run;
        this.options = options;
        this.payloads = payloads;
        this.rounds = rounds;
        this.confirmWindow = confirmWindow;
        this.prefetch = prefetch;
    }

    OneHopBaseline run() throws IOException, InterruptedException {
        Map<Integer, Integer> wireBytes = wireBytesOfEachPayload();
        Map<Integer, PerfTestRun.Result> maxRate = new HashMap<>();
        for (int payload : payloads) {
            int runs = payload == payloads[0] ? rounds : 1;
            List<PerfTestRun.Result> all = new ArrayList<>();
            for (int round = 1; round <= runs; round++) {
                all.add(
                        perfTest(
                                wireBytes.get(payload),
                                0,
                                "perftest-" + payload + "-" + round + ".log"));
            }
            MedianOfRuns<PerfTestRun.Result> median =
                    MedianOfRuns.of(all, PerfTestRun.Result::receiveRate);
            PerfTestRun.Result r = median.median();
            maxRate.put(payload, r);
            run.results()
                    .add(
                            row(
                                    "one hop max rate",
                                    wireBytes.get(payload),
                                    r,
                                    median.note("msg/s") + cpuNote(r) + r.cmd()));
        }
        int size = wireBytes.get(payloads[0]);
        PerfTestRun.Result lowRate = perfTest(size, options.lowRate, "perftest-low-rate.log");
        run.results()
                .add(
                        row(
                                "one hop at " + options.lowRate + " msg/s",
                                size,
                                lowRate,
                                cpuNote(lowRate) + lowRate.cmd()));
        return new OneHopBaseline(maxRate, lowRate, options.lowRate);
    }

    /** PerfTest sends what goes on the wire for each Warren task: the sealed body. */
    private Map<Integer, Integer> wireBytesOfEachPayload() {
        Map<Integer, Integer> wireBytes = new HashMap<>();
        Heading heading =
                new Heading(
                        "00000000-0000-0000-0000-000000000000",
                        NoopTask.class.getName(),
                        0,
                        null,
                        1,
                        TaskProtocol.taskOn(NoopTask.QUEUE));
        try (Broker broker = Broker.connect(run.config())) {
            for (int payload : payloads) {
                int length =
                        BrokerLink.of(broker)
                                .sealer()
                                .seal(heading, new NoopTask(new byte[payload]))
                                .body()
                                .length;
                wireBytes.put(payload, length);
            }
        }
        return wireBytes;
    }

    private PerfTestRun.Result perfTest(int size, int rate, String logName)
            throws IOException, InterruptedException {
        String queue = "bench-perftest-" + size + (rate > 0 ? "-low" : "");
        System.out.printf(
                "PerfTest: %d-byte messages, %s, %d s ...%n",
                size, rate > 0 ? rate + " msg/s" : "max rate", options.seconds);
        try {
            return PerfTestRun.run(
                    run.brokerUri(),
                    queue,
                    size,
                    options.seconds,
                    rate,
                    confirmWindow,
                    prefetch,
                    run.directory().resolve(logName));
        } finally {
            BenchmarkQueues.delete(run.config(), queue);
        }
    }

    private Row row(String what, int size, PerfTestRun.Result r, String note) {
        return new Row(
                "perftest",
                what,
                0,
                size,
                0,
                options.seconds,
                r.receiveRate(),
                Double.NaN,
                r.p50(),
                r.p99(),
                Double.NaN,
                note);
    }

    private static String cpuNote(PerfTestRun.Result r) {
        return String.format(
                Locale.ROOT,
                "CPU us/msg: perftest %.0f, broker %.0f; ",
                r.clientCpuMicros(),
                r.brokerCpuMicros());
    }
}
