package dev.warren.sync;

import dev.warren.ConfigurationException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link Coordinator} connects and what it must know about the broker: the heartbeat it asks
 * for, and the broker's {@code consumer_timeout} (RabbitMQ closes the channel of a delivery kept
 * unacknowledged that long, and a held lease or permit is such a delivery).
 *
 * <pre>{@code
 * Coordinator coordinator = Coordinator.connect(config, CoordinatorOptions.custom()
 *         .heartbeat(Duration.ofSeconds(5))
 *         .brokerConsumerTimeout(Duration.ofHours(2))   // rabbitmq.conf: consumer_timeout = 7200000
 *         .build());
 * }</pre>
 */
public final class CoordinatorOptions {
    /** RabbitMQ's default {@code consumer_timeout}. */
    public static final Duration DEFAULT_BROKER_CONSUMER_TIMEOUT = Duration.ofMinutes(30);

    private final Duration heartbeat;
    private final Duration brokerConsumerTimeout; // null: the broker has none

    private CoordinatorOptions(Builder builder) {
        this.heartbeat = builder.heartbeat;
        this.brokerConsumerTimeout = builder.brokerConsumerTimeout;
    }

    /** A 2 s heartbeat and the broker's default 30 min {@code consumer_timeout}. */
    public static CoordinatorOptions defaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    /** The broker's {@code consumer_timeout}; empty when the broker has none. */
    public Optional<Duration> brokerConsumerTimeout() {
        return Optional.ofNullable(brokerConsumerTimeout);
    }

    @Override
    public String toString() {
        return "CoordinatorOptions[heartbeat "
                + heartbeat
                + ", broker consumer_timeout "
                + (brokerConsumerTimeout == null ? "none" : brokerConsumerTimeout)
                + "]";
    }

    /** Builds {@link CoordinatorOptions}; each setter checks its value and names it when wrong. */
    public static final class Builder {
        private Duration heartbeat = Coordinator.DEFAULT_HEARTBEAT;
        private Duration brokerConsumerTimeout = DEFAULT_BROKER_CONSUMER_TIMEOUT;

        private Builder() {}

        /** Whole seconds, 1-60 (2-5 s recommended): a frozen holder is noticed after about 3. */
        public Builder heartbeat(Duration heartbeat) {
            long seconds = heartbeat == null ? 0 : heartbeat.toSeconds();
            if (seconds < 1 || seconds > 60) {
                throw new ConfigurationException(
                        "coordinator heartbeat must be 1-60 s (2-5 s recommended), was "
                                + heartbeat);
            }
            this.heartbeat = heartbeat;
            return this;
        }

        /**
         * The broker's {@code consumer_timeout} ({@code rabbitmqctl eval
         * 'application:get_env(rabbit, consumer_timeout).'} shows it): locks held longer are
         * renewed before it, and permits cannot be held longer. At least 1 s.
         */
        public Builder brokerConsumerTimeout(Duration timeout) {
            if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException(
                        "brokerConsumerTimeout must be at least 1 s (RabbitMQ's consumer_timeout,"
                                + " 30 min by default), was "
                                + timeout
                                + "; for a broker without one use noBrokerConsumerTimeout()");
            }
            this.brokerConsumerTimeout = timeout;
            return this;
        }

        /** The broker has no {@code consumer_timeout} ({@code consumer_timeout = false}). */
        public Builder noBrokerConsumerTimeout() {
            this.brokerConsumerTimeout = null;
            return this;
        }

        public CoordinatorOptions build() {
            return new CoordinatorOptions(this);
        }
    }
}
