package dev.warren.benchmarks;

import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** One side of a shipped-code pair: a client and the queue of its worker, and what it measured. */
final class ShippedCodeSide {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String name;
    private final TaskClient client;
    private final SubmitOptions queue;
    private Row firstResult;
    private Row fullLoad;
    private Row oneAtATime;

    ShippedCodeSide(String name, TaskClient client, SubmitOptions queue) {
        this.name = name;
        this.client = client;
        this.queue = queue;
    }

    /** The first task on the fresh worker, alone. */
    void measureFirstResult(int payload) {
        long start = System.nanoTime();
        client.submit(new NoopTask(new byte[payload]), queue).await(WAIT);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "    %s: first result after %.0f ms%n", name, seconds * 1e3);
        firstResult = row("cold first", 1, seconds, 1 / seconds, Double.NaN, null, "");
    }

    void measureFullLoad(int tasks, int window, int payload, OneHopBaseline baseline)
            throws InterruptedException {
        TaskLoad.send(client, queue, payload, tasks, window, null);
        Recorder recorder = new Recorder(3);
        long start = System.nanoTime();
        TaskLoad.send(client, queue, payload, tasks, window, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = tasks / seconds;
        System.out.printf(Locale.ROOT, "    %s: %.0f tasks/s at full load%n", name, rate);
        fullLoad =
                row(
                        "cached load",
                        tasks,
                        seconds,
                        rate,
                        baseline.throughputRatio(payload, rate),
                        recorder.getIntervalHistogram(),
                        "window " + window + "; ");
    }

    void measureOneAtATime(int samples, int payload, OneHopBaseline baseline) {
        byte[] data = new byte[payload];
        for (int i = 0; i < Math.max(20, samples / 5); i++) {
            client.submit(new NoopTask(data), queue).await(WAIT);
        }
        Histogram h = new Histogram(3);
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            client.submit(new NoopTask(data), queue).await(WAIT);
            h.recordValue((System.nanoTime() - sent) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "    %s: p50 %.0f us one at a time%n",
                name,
                (double) h.getValueAtPercentile(50));
        oneAtATime =
                row(
                        "cached 1 by 1",
                        samples,
                        seconds,
                        samples / seconds,
                        baseline.latencyRatio(h.getValueAtPercentile(50)),
                        h,
                        "");
    }

    private Row row(
            String what,
            long messages,
            double seconds,
            double rate,
            double ratio,
            Histogram latencies,
            String note) {
        return new Row(
                "ship-mode",
                what + ", " + name,
                1,
                100,
                messages,
                seconds,
                rate,
                ratio,
                latencies == null ? seconds * 1e6 : latencies.getValueAtPercentile(50),
                latencies == null ? Double.NaN : latencies.getValueAtPercentile(99),
                latencies == null ? Double.NaN : latencies.getValueAtPercentile(99.9),
                note
                        + (name.equals("jar")
                                ? "worker with the jar"
                                : "worker jar alone, shipped code"));
    }

    Row firstResult() {
        return firstResult;
    }

    Row fullLoad() {
        return fullLoad;
    }

    Row oneAtATime() {
        return oneAtATime;
    }
}
