package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.BrokerUnavailableException;
import dev.warren.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** An outcome that cannot be published yet is tried again after pauses, not given back at once. */
class OutcomeRetriesTest {
    private final List<Duration> waited = new ArrayList<>();
    private final OutcomeRetries retries =
            new OutcomeRetries(
                    List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3)),
                    pause -> {
                        waited.add(pause);
                        return Runnable::run;
                    });

    private static BrokerUnavailableException down() {
        return new BrokerUnavailableException(
                "connection lost", BrokerUnavailableException.Problem.CONNECTION_CLOSED, null);
    }

    private static Supplier<CompletableFuture<Void>> failing(int times, RuntimeException error) {
        AtomicInteger calls = new AtomicInteger();
        return () ->
                calls.incrementAndGet() <= times
                        ? CompletableFuture.failedFuture(error)
                        : CompletableFuture.completedFuture(null);
    }

    @Test
    void anOutcomePublishedWhileTheBrokerIsDownIsTriedAgainUntilItIsConfirmed() throws Exception {
        retries.publish(failing(2, down())).get();

        assertThat(waited).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    void aPublishThatThrowsAtOnceIsTriedAgainToo() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        retries.publish(
                        () -> {
                            if (calls.incrementAndGet() == 1) {
                                throw down();
                            }
                            return CompletableFuture.completedFuture(null);
                        })
                .get();

        assertThat(calls).hasValue(2);
    }

    @Test
    void afterTheLastPauseTheLastFailureIsReported() {
        assertThatThrownBy(() -> retries.publish(failing(10, down())).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BrokerUnavailableException.class);
        assertThat(waited).hasSize(3);
    }

    @Test
    void aFailureThatIsNotTheBrokersIsReportedWithoutWaiting() {
        assertThatThrownBy(
                        () -> retries.publish(failing(1, new ConfigurationException("bad"))).get())
                .hasCauseInstanceOf(ConfigurationException.class);
        assertThat(waited).isEmpty();
    }

    @Test
    void theDefaultPausesCoverAReconnectToAnotherNode() {
        assertThat(OutcomeRetries.PAUSES)
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8));
        assertThat(OutcomeRetries.PAUSES.stream().mapToLong(Duration::toMillis).sum())
                .isEqualTo(15_750);
    }
}
