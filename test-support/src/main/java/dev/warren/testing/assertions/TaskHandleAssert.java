package dev.warren.testing.assertions;

import dev.warren.client.TaskFailedException;
import dev.warren.client.TaskHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on a {@link TaskHandle}: that its task succeeds (then on its result) or fails (then on
 * the failure) within a time. A remote failure is a {@link TaskFailedException}; {@link #failsWith}
 * matches it by the type the task threw as well.
 *
 * <pre>{@code
 * assertThat(client.submit(new Checksum(bytes))).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("9f86d0...");
 * assertThat(client.submit(new Broken())).failsWith(IOException.class).hasMessageContaining("disk full");
 * }</pre>
 *
 * @param <R> the task's result type
 */
public final class TaskHandleAssert<R> extends AbstractAssert<TaskHandleAssert<R>, TaskHandle<R>> {
    /** How long {@link #failsWith(Class)} waits. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    TaskHandleAssert(TaskHandle<R> handle) {
        super(handle, TaskHandleAssert.class);
    }

    /** Waits up to {@code wait} for a result, and asserts on it. */
    public ObjectAssert<R> succeedsWithin(Duration wait) {
        isNotNull();
        try {
            R value = actual.result().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return Assertions.assertThat(value);
        } catch (ExecutionException e) {
            throw failure(
                    "expected %s to succeed within %s, but it failed: %s",
                    actual, wait, describe(e.getCause()));
        } catch (TimeoutException e) {
            throw failure("expected %s to succeed within %s, but it had not ended", actual, wait);
        } catch (CancellationException e) {
            throw failure("expected %s to succeed, but it was cancelled", actual);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for %s", actual);
        }
    }

    /** Waits up to {@code wait} for a failure, and asserts on the exception the caller got. */
    public AbstractThrowableAssert<?, ? extends Throwable> failsWithin(Duration wait) {
        isNotNull();
        try {
            R value = actual.result().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            throw failure(
                    "expected %s to fail within %s, but it succeeded with %s", actual, wait, value);
        } catch (ExecutionException e) {
            return Assertions.assertThat(e.getCause());
        } catch (TimeoutException e) {
            throw failure("expected %s to fail within %s, but it had not ended", actual, wait);
        } catch (CancellationException e) {
            return Assertions.assertThat((Throwable) e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for %s", actual);
        }
    }

    /**
     * Waits up to {@link #DEFAULT_WAIT} for a failure that is a {@code type} here or that the task
     * threw as a {@code type} on its worker.
     */
    public AbstractThrowableAssert<?, ? extends Throwable> failsWith(
            Class<? extends Throwable> type) {
        return failsWith(type, DEFAULT_WAIT);
    }

    /** As {@link #failsWith(Class)}, waiting up to {@code wait}. */
    public AbstractThrowableAssert<?, ? extends Throwable> failsWith(
            Class<? extends Throwable> type, Duration wait) {
        AbstractThrowableAssert<?, ? extends Throwable> failure = failsWithin(wait);
        Throwable thrown = failedWith(wait);
        boolean remote =
                thrown instanceof TaskFailedException f && type.getName().equals(f.remoteType());
        if (!type.isInstance(thrown) && !remote) {
            throw failure(
                    "expected %s to fail with %s, but it failed with %s",
                    actual, type.getName(), describe(thrown));
        }
        return failure;
    }

    private Throwable failedWith(Duration wait) {
        try {
            actual.result().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TaskFailedException f) {
            return f.getMessage() + "\nremote stack trace:\n" + f.remoteStackTrace();
        }
        return String.valueOf(failure);
    }
}
