package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoordinatorOptionsTest {
    @Test
    void theDefaultsAreATwoSecondHeartbeatAndRabbitmqsThirtyMinutes() {
        CoordinatorOptions options = CoordinatorOptions.defaults();

        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.brokerConsumerTimeout()).contains(Duration.ofMinutes(30));
    }

    @Test
    void aBrokerWithoutConsumerTimeoutCanBeSaid() {
        assertThat(
                        CoordinatorOptions.custom()
                                .noBrokerConsumerTimeout()
                                .build()
                                .brokerConsumerTimeout())
                .isEmpty();
        assertThat(
                        CoordinatorOptions.custom()
                                .brokerConsumerTimeout(Duration.ofHours(2))
                                .build()
                                .brokerConsumerTimeout())
                .contains(Duration.ofHours(2));
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(
                        () ->
                                CoordinatorOptions.custom()
                                        .brokerConsumerTimeout(Duration.ofMillis(10)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("brokerConsumerTimeout must be at least 1 s")
                .hasMessageContaining("noBrokerConsumerTimeout()");
        assertThatThrownBy(() -> CoordinatorOptions.custom().heartbeat(Duration.ofMinutes(2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heartbeat must be 1-60 s");
    }
}
