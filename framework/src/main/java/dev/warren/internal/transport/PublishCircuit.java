package dev.warren.internal.transport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import dev.warren.BrokerUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker in front of publishing. It opens the moment the connection is lost (the broker
 * is known to be unreachable) and when too many publishes fail; while it is open, new publishes
 * fail at once with {@link BrokerUnavailableException} instead of queueing up behind a dead
 * connection. It closes when the connection has recovered. Messages handed over before are not
 * affected: they are kept and published again after recovery.
 */
final class PublishCircuit {
    private static final Logger log = LoggerFactory.getLogger(PublishCircuit.class);

    private final String broker;
    private final CircuitBreaker breaker;
    private volatile long connectionLostAt;

    PublishCircuit(Connection connection, String broker) {
        this.broker = broker;
        this.breaker =
                CircuitBreaker.of(
                        "publish",
                        CircuitBreakerConfig.custom()
                                .slidingWindowSize(20)
                                .minimumNumberOfCalls(10)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(Duration.ofSeconds(2))
                                .permittedNumberOfCallsInHalfOpenState(3)
                                .recordExceptions(BrokerUnavailableException.class)
                                .build());
        connection.addShutdownListener(
                cause -> {
                    if (!cause.isInitiatedByApplication()) {
                        connectionLostAt = System.currentTimeMillis();
                        open();
                    }
                });
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(
                    new RecoveryListener() {
                        @Override
                        public void handleRecovery(Recoverable recovered) {
                            connectionLostAt = 0;
                            breaker.transitionToClosedState();
                            log.info("connection to {} recovered; publishing again", broker);
                        }

                        @Override
                        public void handleRecoveryStarted(Recoverable recovering) {}
                    });
        }
    }

    private void open() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            try {
                breaker.transitionToOpenState();
            } catch (IllegalStateException e) {
                // another thread moved it first; open is open
            }
        }
    }

    /** Takes a permit, or fails at once when the broker is known to be unreachable. */
    long admit(String queue) {
        try {
            breaker.acquirePermission();
            return System.nanoTime();
        } catch (CallNotPermittedException e) {
            long lostAt = connectionLostAt;
            String why =
                    lostAt > 0
                            ? "the connection was lost "
                                    + Duration.ofMillis(System.currentTimeMillis() - lostAt)
                                            .toSeconds()
                                    + " s ago and is being re-established"
                            : "too many recent publishes failed";
            throw new BrokerUnavailableException(
                    "not publishing to "
                            + queue
                            + ": RabbitMQ at "
                            + broker
                            + " is unavailable ("
                            + why
                            + "); retry later",
                    BrokerUnavailableException.Problem.CONNECTION_CLOSED,
                    e);
        }
    }

    void succeeded(long admittedAt) {
        breaker.onSuccess(System.nanoTime() - admittedAt, TimeUnit.NANOSECONDS);
    }

    void failed(long admittedAt, Throwable error) {
        breaker.onError(System.nanoTime() - admittedAt, TimeUnit.NANOSECONDS, error);
    }
}
