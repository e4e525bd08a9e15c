package dev.warren.client;

import dev.warren.BrokerUnavailableException;
import dev.warren.Task;
import dev.warren.WarrenException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code map}: reads the input lazily, keeps at most {@code window} tasks in flight, puts each
 * result at its input's place, and fails at the first remote failure (submission stops there).
 * While the broker is unreachable it waits and goes on, up to the outage tolerance.
 */
final class MapRun<R> {
    private static final Logger log = LoggerFactory.getLogger(MapRun.class);
    private static final long MAX_BACKOFF_MILLIS = 2000;

    /** How a map submits one task. */
    @FunctionalInterface
    interface Submitter<R> {
        CompletableFuture<R> submit(Task<R> task);
    }

    private final Iterable<? extends Task<R>> tasks;
    private final MapOptions options;
    private final Submitter<R> submitter;
    private final CompletableFuture<List<R>> result = new CompletableFuture<>();

    MapRun(Iterable<? extends Task<R>> tasks, MapOptions options, Submitter<R> submitter) {
        this.tasks = tasks;
        this.options = options;
        this.submitter = submitter;
    }

    CompletableFuture<List<R>> result() {
        return result;
    }

    /** Drives the whole map on the calling thread; returns when every task is submitted. */
    void run() {
        long total = tasks instanceof Collection<?> c ? c.size() : -1;
        Semaphore window = new Semaphore(options.window());
        List<R> results = new ArrayList<>(total > 0 ? (int) Math.min(total, 1 << 20) : 16);
        AtomicLong completed = new AtomicLong();
        try {
            for (Task<R> task : tasks) {
                window.acquire();
                if (result.isDone()) {
                    return;
                }
                int index;
                synchronized (results) {
                    index = results.size();
                    results.add(null);
                }
                submitRidingOutOutages(task)
                        .whenComplete(
                                (value, error) -> {
                                    if (error != null) {
                                        result.completeExceptionally(unwrap(error));
                                    } else {
                                        synchronized (results) {
                                            results.set(index, value);
                                        }
                                        report(completed.incrementAndGet(), total);
                                    }
                                    window.release();
                                });
            }
            window.acquire(options.window());
            synchronized (results) {
                result.complete(results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new WarrenException("map was interrupted", e));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private CompletableFuture<R> submitRidingOutOutages(Task<R> task) throws InterruptedException {
        long giveUpAt = System.nanoTime() + options.outageTolerance().toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                return submitter.submit(task);
            } catch (BrokerUnavailableException e) {
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                log.trace("map waits for the broker: {}", e.getMessage());
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void report(long done, long total) {
        try {
            options.progress().progress(done, total);
        } catch (RuntimeException e) {
            log.warn("map progress listener failed: {}", e.toString());
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}
