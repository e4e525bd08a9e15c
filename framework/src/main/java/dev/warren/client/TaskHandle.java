package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A submitted task: its id, and the future its reply completes. The future fails with {@link
 * TaskFailedException} when the task failed remotely. Callbacks attached to it run on Warren's
 * reply thread: keep them short, or use the {@code ...Async} variants.
 *
 * <pre>{@code
 * TaskHandle<Long> h = client.submit(new SumPrimes(1_000_000));
 * long sum = h.await(Duration.ofMinutes(1));      // or h.result().thenAccept(...)
 * }</pre>
 */
public final class TaskHandle<R> {
    private final TaskId id;
    private final String type;
    private final CompletableFuture<R> result;
    private final Runnable onTimeout;

    TaskHandle(TaskId id, String type, CompletableFuture<R> result, Runnable onTimeout) {
        this.id = id;
        this.type = type;
        this.result = result;
        this.onTimeout = onTimeout;
    }

    public TaskId id() {
        return id;
    }

    /** The task's class name. */
    public String type() {
        return type;
    }

    public CompletableFuture<R> result() {
        return result;
    }

    /**
     * Waits for the result.
     *
     * @throws TaskTimeoutException if no reply came within {@code timeout}
     * @throws TaskFailedException if the task failed remotely
     * @throws WarrenException for any other failure (for example the task could not be published)
     */
    public R await(Duration timeout) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            onTimeout.run();
            throw new TaskTimeoutException(id, type, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarrenException("interrupted while waiting for task " + id, e);
        } catch (CancellationException e) {
            throw new WarrenException("waiting for task " + id + " was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WarrenException w) {
                throw w;
            }
            throw new WarrenException("task " + id + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public String toString() {
        return "TaskHandle[" + type + " " + id + (result.isDone() ? ", done" : "") + "]";
    }
}
