package dev.warren.benchmarks;

import dev.warren.client.TaskClient;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Round-trip latency with nothing else in flight: submit one task, wait for it, repeat. */
final class OneAtATimeRun {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private OneAtATimeRun() {}

    static Row measure(
            TaskClient client, int workers, int payload, int samples, OneHopBaseline baseline) {
        System.out.printf(
                "Warren: %d round trips one at a time, %d B, %d workers ...%n",
                samples, payload, workers);
        byte[] data = new byte[payload];
        for (int i = 0; i < Math.max(20, samples / 5); i++) {
            client.submit(new NoopTask(data)).await(WAIT);
        }
        Histogram h = new Histogram(3);
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            client.submit(new NoopTask(data)).await(WAIT);
            h.recordValue((System.nanoTime() - sent) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double p50 = h.getValueAtPercentile(50);
        return new Row(
                "warren",
                "one at a time",
                workers,
                payload,
                samples,
                seconds,
                samples / seconds,
                baseline.latencyRatio(p50),
                p50,
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                "ratio = p50 / PerfTest one-hop p50 at low rate");
    }
}
