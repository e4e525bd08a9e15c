package dev.warren.worker;

import dev.warren.internal.protocol.TaskDefinition;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a failed attempt is retried, and after how long: exponential backoff from the task's
 * {@code retryDelayMillis}, doubling per attempt, capped at six hours.
 */
final class RetryPolicy {
    static final Duration MAX_DELAY = Duration.ofHours(6);

    private RetryPolicy() {}

    /** The delay before the next attempt, or empty when this failure is final. */
    static Optional<Duration> retryAfter(
            TaskDefinition definition, int failedAttempt, Throwable failure) {
        if (!definition.isRetryable(failure) || failedAttempt >= definition.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(delay(definition, failedAttempt));
    }

    static Duration delay(TaskDefinition definition, int failedAttempt) {
        long base = definition.retryDelay().toMillis();
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(base << doublings, MAX_DELAY.toMillis()));
    }
}
