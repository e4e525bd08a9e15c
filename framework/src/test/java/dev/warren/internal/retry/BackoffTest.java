package dev.warren.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheFirstPauseUpToTheMost() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.before(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.before(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(10_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void listsTheFirstPausesInOrder() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(300));

        assertThat(backoff.firstPauses(4))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(300),
                        Duration.ofMillis(300));
        assertThat(backoff.firstPauses(0)).isEmpty();
    }

    @Test
    void refusesABackoffThatShrinksOrStartsAtZero() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoff");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
