package dev.warren.benchmarks;

/**
 * How many tasks a full-load run sends and keeps in flight: {@code --tasks} and {@code --window},
 * fewer for big payloads so a run moves at most {@code --bytes-per-run} and holds at most 64 MiB in
 * flight.
 */
final class FullLoadSize {
    private static final long MAX_BYTES_IN_FLIGHT = 64L << 20;

    private FullLoadSize() {}

    static long tasks(long maxTasks, long bytesPerRun, int payload) {
        return Math.max(20, Math.min(maxTasks, bytesPerRun / Math.max(payload, 1)));
    }

    static int window(int maxWindow, int payload) {
        return (int) Math.max(4, Math.min(maxWindow, MAX_BYTES_IN_FLIGHT / Math.max(payload, 1)));
    }

    /** Unmeasured tasks before a run: enough for C2 to compile the client's paths. */
    static long warmUpTasks(long tasks) {
        return Math.max(10, Math.min(tasks, 20_000));
    }
}
