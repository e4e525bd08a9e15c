package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerConsumerTimeoutTest {
    private static final BrokerConsumerTimeout THIRTY_MINUTES =
            BrokerConsumerTimeout.of(Optional.of(Duration.ofMinutes(30)));

    @Test
    void aPermitLeaseTimeLongerThanTheTimeoutIsRefusedWithHowToRaiseIt() {
        Optional<String> refused =
                THIRTY_MINUTES.refusePermitHold("semaphore 's'", Duration.ofMinutes(45));

        assertThat(refused).isPresent();
        assertThat(refused.get())
                .startsWith("semaphore 's': a permit cannot be held for 2700 s")
                .contains("consumer_timeout is 1800 s")
                .contains("rabbitmq.conf: consumer_timeout = ")
                .contains("consumer_timeout = 2760000 would do")
                .contains("brokerConsumerTimeout(");
    }

    @Test
    void aPermitLeaseTimeUpToTheTimeoutIsAccepted() {
        assertThat(THIRTY_MINUTES.refusePermitHold("semaphore 's'", Duration.ofMinutes(30)))
                .isEmpty();
        assertThat(THIRTY_MINUTES.refusePermitHold("semaphore 's'", Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void withoutATimeoutAnyPermitLeaseTimeIsAccepted() {
        assertThat(
                        BrokerConsumerTimeout.of(Optional.empty())
                                .refusePermitHold("semaphore 's'", Duration.ofDays(7)))
                .isEmpty();
    }

    @Test
    void thePermitTimeoutSentenceNamesTheTimeoutAndTheFix() {
        assertThat(THIRTY_MINUTES.permitReachedTimeout())
                .contains("1800 s, the broker's consumer_timeout")
                .contains("rabbitmq.conf: consumer_timeout = ");
    }

    @Test
    void rabbitmqsAckTimeoutCloseIsRecognised() {
        assertThat(
                        BrokerConsumerTimeout.isConsumerTimeoutClose(
                                406,
                                "PRECONDITION_FAILED - delivery acknowledgement on channel 3 timed"
                                        + " out. Timeout value used: 2000 ms."))
                .isTrue();
        assertThat(BrokerConsumerTimeout.isConsumerTimeoutClose(406, "PRECONDITION_FAILED - x"))
                .isFalse();
        assertThat(
                        BrokerConsumerTimeout.isConsumerTimeoutClose(
                                320, "delivery acknowledgement timed out"))
                .isFalse();
    }
}
