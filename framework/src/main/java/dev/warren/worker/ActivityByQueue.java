package dev.warren.worker;

import dev.warren.ops.QueueActivity;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the heartbeat says a worker did per queue: deliveries taken and finished since it started,
 * and the run times of the tasks that ended since the last beat (the latest {@value #KEPT_RUNS} of
 * them, so a fast queue costs bounded memory).
 */
final class ActivityByQueue {
    static final int KEPT_RUNS = 4096;

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    private static final class Queue {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        private final long[] runNanos = new long[KEPT_RUNS]; // guarded by this
        private long runs; // guarded by this

        synchronized void ran(long nanos) {
            runNanos[(int) (runs % KEPT_RUNS)] = nanos;
            runs++;
        }

        synchronized QueueActivity drain() {
            int kept = (int) Math.min(runs, KEPT_RUNS);
            long[] sorted = Arrays.copyOf(runNanos, kept);
            Arrays.sort(sorted);
            QueueActivity activity =
                    new QueueActivity(
                            delivered.get(),
                            finished.get(),
                            runs,
                            millis(percentile(sorted, 0.50)),
                            millis(percentile(sorted, 0.99)));
            runs = 0;
            return activity;
        }
    }

    void delivered(String queue) {
        queue(queue).delivered.incrementAndGet();
    }

    void finished(String queue) {
        queue(queue).finished.incrementAndGet();
    }

    void ran(String queue, long nanos) {
        queue(queue).ran(nanos);
    }

    /** Each queue's activity, and a fresh start for the run times of the next interval. */
    Map<String, QueueActivity> drain() {
        Map<String, QueueActivity> activity = new TreeMap<>();
        queues.forEach((name, queue) -> activity.put(name, queue.drain()));
        return activity;
    }

    private Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> new Queue());
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
