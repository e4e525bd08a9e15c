package dev.warren.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * What the coordinator knows of the broker's {@code consumer_timeout}, and the sentences that tell
 * a user what it means for a hold and how to raise it.
 */
final class BrokerConsumerTimeout {
    private static final String HOW_TO_RAISE =
            "raise it on the broker (rabbitmq.conf: consumer_timeout = <milliseconds>, or"
                    + " consumer_timeout = false for none) and tell Warren the same with"
                    + " Coordinator.connect(config, CoordinatorOptions.custom()"
                    + ".brokerConsumerTimeout(...)) or .noBrokerConsumerTimeout()";

    private final Duration timeout; // null: none

    private BrokerConsumerTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    static BrokerConsumerTimeout of(Optional<Duration> timeout) {
        return new BrokerConsumerTimeout(timeout.orElse(null));
    }

    Optional<Duration> value() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Why a permit cannot be held for {@code leaseTime}, or empty when it can: a permit is not
     * renewed, so the broker would take it back at its {@code consumer_timeout}.
     */
    Optional<String> refusePermitHold(String primitive, Duration leaseTime) {
        if (timeout == null || leaseTime.compareTo(timeout) <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                primitive
                        + ": a permit cannot be held for "
                        + SyncFailures.humanize(leaseTime)
                        + ": the broker's consumer_timeout is "
                        + SyncFailures.humanize(timeout)
                        + " (as this coordinator was told) and takes back a permit held longer,"
                        + " which cannot be renewed without letting a waiter take it; use a"
                        + " lease time of at most "
                        + SyncFailures.humanize(timeout)
                        + ", or "
                        + HOW_TO_RAISE
                        + " (consumer_timeout = "
                        + leaseTime.plusMinutes(1).toMillis()
                        + " would do)");
    }

    /** Why a permit held without a lease time ends when it reaches the timeout. */
    String permitReachedTimeout() {
        return "it was held for "
                + SyncFailures.humanize(timeout)
                + ", the broker's consumer_timeout (as this coordinator was told), after which"
                + " RabbitMQ takes it back; a permit cannot be renewed without letting a waiter"
                + " take it: give it back sooner, pass a lease time, or "
                + HOW_TO_RAISE;
    }

    /** Why a hold ended when the broker closed its channel for an unacknowledged delivery. */
    String brokerTookItBack(String brokerSays) {
        return "the broker's consumer_timeout took it back ("
                + brokerSays
                + "); this coordinator was told the timeout is "
                + (timeout == null ? "none" : SyncFailures.humanize(timeout))
                + ": tell Warren the broker's real value with"
                + " CoordinatorOptions.custom().brokerConsumerTimeout(...), or "
                + HOW_TO_RAISE;
    }

    /**
     * Whether a channel close is RabbitMQ's consumer timeout (406, "acknowledgement ... timed
     * out").
     */
    static boolean isConsumerTimeoutClose(int replyCode, String message) {
        return replyCode == 406
                && message != null
                && message.contains("acknowledgement")
                && message.contains("timed out");
    }

    @Override
    public String toString() {
        return timeout == null ? "no consumer_timeout" : "consumer_timeout " + timeout;
    }
}
