package dev.warren.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads of a coordinator: they run the connection's consumers, and lost-lease
 * callbacks and user handlers are handed to them so that those cannot starve lock deliveries. One
 * more thread runs the timers of held tokens (renewals, lease times).
 */
final class CallbackThreads {
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor timers;

    CallbackThreads() {
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "warren-sync-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.timers =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread t = new Thread(r, "warren-sync-timers");
                            t.setDaemon(true);
                            return t;
                        });
        // a released hold cancels its timer: do not keep it queued until it was due
        timers.setRemoveOnCancelPolicy(true);
    }

    /** For the connection factory: consumers run here too. */
    ExecutorService executor() {
        return executor;
    }

    /** Runs {@code callback} away from the caller's thread, or here once shutting down. */
    void run(Runnable callback) {
        try {
            executor.execute(callback);
        } catch (RejectedExecutionException e) {
            callback.run(); // closing: run it here rather than never
        }
    }

    /** Runs {@code task} on the timer thread after {@code delayNanos}; null once shutting down. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return timers.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null; // closing: every hold ends with the connection anyway
        }
    }

    void shutdown() {
        timers.shutdownNow();
        executor.shutdown();
    }

    void shutdownNow() {
        timers.shutdownNow();
        executor.shutdownNow();
    }
}
