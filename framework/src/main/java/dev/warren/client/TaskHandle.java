package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A submitted task: its id, and the future its reply completes. The future fails with {@link
 * TaskFailedException} when the task failed remotely, and with {@link TaskRefusedException} when a
 * worker refused it. Callbacks attached to it run on Warren's reply thread: keep them short, or use
 * the {@code ...Async} variants.
 *
 * <pre>{@code
 * TaskHandle<Long> h = client.submit(new SumPrimes(1_000_000));
 * long sum = h.await(Duration.ofMinutes(1));      // or h.result().thenAccept(...)
 * }</pre>
 */
public final class TaskHandle<R> {
    private final Supplier<TaskId> id;
    private final String type;
    private final CompletableFuture<R> result;
    private final Function<Duration, TaskTimeoutException> timedOut;

    TaskHandle(
            TaskId id,
            String type,
            CompletableFuture<R> result,
            Function<Duration, TaskTimeoutException> timedOut) {
        this(() -> id, type, result, timedOut);
    }

    /** {@code id}: the current id of a task that may be submitted again under a new one. */
    TaskHandle(
            Supplier<TaskId> id,
            String type,
            CompletableFuture<R> result,
            Function<Duration, TaskTimeoutException> timedOut) {
        this.id = id;
        this.type = type;
        this.result = result;
        this.timedOut = timedOut;
    }

    /**
     * The task's id; for a shipped task submitted again because its code was missing from the
     * broker, the id it was submitted again under.
     */
    public TaskId id() {
        return id.get();
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
     * @throws TaskRefusedException if a worker refused the task
     * @throws WarrenException for any other failure (for example the task could not be published)
     */
    public R await(Duration timeout) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut.apply(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarrenException("interrupted while waiting for task " + id(), e);
        } catch (CancellationException e) {
            throw new WarrenException("waiting for task " + id() + " was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WarrenException w) {
                throw w;
            }
            throw new WarrenException("task " + id() + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public String toString() {
        return "TaskHandle[" + type + " " + id() + (result.isDone() ? ", done" : "") + "]";
    }
}
