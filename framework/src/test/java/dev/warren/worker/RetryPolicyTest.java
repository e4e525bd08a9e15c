package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.internal.protocol.TaskDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @TaskOptions(
            maxAttempts = 4,
            retryDelayMillis = 500,
            nonRetryable = IllegalArgumentException.class)
    record Flaky() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    @TaskOptions(maxAttempts = 40, retryDelayMillis = 60_000)
    record Patient() implements Task<Void> {
        @Override
        public Void run(TaskContext context) {
            return null;
        }
    }

    private final TaskDefinition flaky = TaskDefinition.of(Flaky.class);

    @Test
    void delayDoublesWithEachFailedAttempt() {
        assertThat(RetryPolicy.retryAfter(flaky, 1, new IOException()))
                .contains(Duration.ofMillis(500));
        assertThat(RetryPolicy.retryAfter(flaky, 2, new IOException()))
                .contains(Duration.ofMillis(1000));
        assertThat(RetryPolicy.retryAfter(flaky, 3, new IOException()))
                .contains(Duration.ofMillis(2000));
    }

    @Test
    void lastAttemptIsFinal() {
        assertThat(RetryPolicy.retryAfter(flaky, 4, new IOException())).isEmpty();
    }

    @Test
    void nonRetryableExceptionIsFinalAtOnce() {
        assertThat(RetryPolicy.retryAfter(flaky, 1, new IllegalArgumentException())).isEmpty();
        assertThat(RetryPolicy.retryAfter(flaky, 1, new NumberFormatException()))
                .as("subclasses of a non-retryable exception are not retried either")
                .isEmpty();
        assertThat(RetryPolicy.retryAfter(flaky, 1, new UncheckedIOException(new IOException())))
                .isPresent();
    }

    @Test
    void delayIsCappedAtSixHoursAndNeverOverflows() {
        TaskDefinition patient = TaskDefinition.of(Patient.class);

        assertThat(RetryPolicy.delay(patient, 10)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(RetryPolicy.delay(patient, 39)).isEqualTo(RetryPolicy.MAX_DELAY);
    }
}
