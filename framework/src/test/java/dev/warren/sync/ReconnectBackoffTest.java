package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    @Test
    void doublesFromTheFirstWaitUpToTheMost() {
        ReconnectBackoff backoff =
                new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.before(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.before(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(10_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDefaultReachesABrokerWithinFiveSecondsOfItsReturn() {
        assertThat(ReconnectBackoff.DEFAULT.before(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(ReconnectBackoff.DEFAULT.before(100)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void warnsForTheFirstThreeFailuresThenOneInTen() {
        assertThat(ReconnectBackoff.worthWarning(1)).isTrue();
        assertThat(ReconnectBackoff.worthWarning(3)).isTrue();
        assertThat(ReconnectBackoff.worthWarning(4)).isFalse();
        assertThat(ReconnectBackoff.worthWarning(9)).isFalse();
        assertThat(ReconnectBackoff.worthWarning(10)).isTrue();
        assertThat(ReconnectBackoff.worthWarning(20)).isTrue();
    }

    @Test
    void refusesABackoffThatShrinks() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconnect backoff");
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
