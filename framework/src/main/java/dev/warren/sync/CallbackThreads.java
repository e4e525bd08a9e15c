package dev.warren.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads of a coordinator: they run the connection's consumers, and lost-lease
 * callbacks and user handlers are handed to them so that those cannot starve lock deliveries.
 */
final class CallbackThreads {
    private final ExecutorService executor;

    CallbackThreads() {
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "warren-sync-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
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

    void shutdown() {
        executor.shutdown();
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
