package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectorTest {
    @Test
    void theDefaultBackoffReachesABrokerWithinFiveSecondsOfItsReturn() {
        assertThat(Reconnector.DEFAULT_BACKOFF.before(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Reconnector.DEFAULT_BACKOFF.before(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(Reconnector.DEFAULT_BACKOFF.before(100)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void warnsForTheFirstThreeFailuresThenOneInTen() {
        assertThat(Reconnector.worthWarning(1)).isTrue();
        assertThat(Reconnector.worthWarning(3)).isTrue();
        assertThat(Reconnector.worthWarning(4)).isFalse();
        assertThat(Reconnector.worthWarning(9)).isFalse();
        assertThat(Reconnector.worthWarning(10)).isTrue();
        assertThat(Reconnector.worthWarning(20)).isTrue();
    }
}
