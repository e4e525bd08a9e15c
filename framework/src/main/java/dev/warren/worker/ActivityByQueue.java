package dev.warren.worker;

import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the heartbeat says a worker did per queue: deliveries taken and finished since it started,
 * and the run times of the tasks that ended in the last {@link #WINDOW} (the latest {@value
 * #KEPT_RUNS} of them, so a fast queue costs bounded memory). A window longer than a beat lets a
 * reader that samples less often than workers beat still see every burst.
 */
final class ActivityByQueue {
    static final int KEPT_RUNS = 4096;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    private static final class Queue {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        private final long[] runNanos = new long[KEPT_RUNS]; // guarded by this
        private final long[] endedAt = new long[KEPT_RUNS]; // guarded by this
        private long runs; // guarded by this

        synchronized void ran(long nanos, long endNanos) {
            int slot = (int) (runs % KEPT_RUNS);
            runNanos[slot] = nanos;
            endedAt[slot] = endNanos;
            runs++;
        }

        synchronized QueueActivity snapshot(long nowNanos) {
            int kept = (int) Math.min(runs, KEPT_RUNS);
            long[] recent = new long[kept];
            int count = 0;
            for (int i = 0; i < kept; i++) {
                if (nowNanos - endedAt[i] <= WINDOW.toNanos()) {
                    recent[count++] = runNanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(recent, count);
            Arrays.sort(sorted);
            return new QueueActivity(
                    delivered.get(),
                    finished.get(),
                    count,
                    millis(percentile(sorted, 0.50)),
                    millis(percentile(sorted, 0.99)));
        }
    }

    void delivered(String queue) {
        queue(queue).delivered.incrementAndGet();
    }

    void finished(String queue) {
        queue(queue).finished.incrementAndGet();
    }

    /** A task's run on {@code queue} took {@code nanos} and ended at {@code endNanos}. */
    void ran(String queue, long nanos, long endNanos) {
        queue(queue).ran(nanos, endNanos);
    }

    /** Each queue's activity at {@code nowNanos} ({@link System#nanoTime()}). */
    Map<String, QueueActivity> snapshot(long nowNanos) {
        Map<String, QueueActivity> activity = new TreeMap<>();
        queues.forEach((name, queue) -> activity.put(name, queue.snapshot(nowNanos)));
        return activity;
    }

    Map<String, QueueActivity> now() {
        return snapshot(System.nanoTime());
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
