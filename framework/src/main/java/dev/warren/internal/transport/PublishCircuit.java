package dev.warren.internal.transport;

import com.rabbitmq.client.Connection;
import dev.warren.BrokerUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
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

    private static final Duration WAIT_WHILE_OPEN = Duration.ofSeconds(2);
    private static final int ADMIT_ATTEMPTS = 3;

    private final String broker;
    private final CircuitBreaker breaker;
    private volatile long connectionLostAt;

    PublishCircuit(String broker, Duration waitWhileOpen) {
        this.broker = broker;
        this.breaker =
                CircuitBreaker.of(
                        "publish",
                        CircuitBreakerConfig.custom()
                                .slidingWindowSize(20)
                                .minimumNumberOfCalls(10)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(waitWhileOpen)
                                .permittedNumberOfCallsInHalfOpenState(3)
                                .recordExceptions(BrokerUnavailableException.class)
                                .build());
    }

    /** A circuit that opens when {@code connection} is lost and closes when it has recovered. */
    static PublishCircuit on(Connection connection, String broker) {
        PublishCircuit circuit = new PublishCircuit(broker, WAIT_WHILE_OPEN);
        RecoveryWatch.on(connection, circuit::connectionLost, circuit::connectionRecovered);
        return circuit;
    }

    void connectionLost() {
        connectionLostAt = System.currentTimeMillis();
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            try {
                breaker.transitionToOpenState();
            } catch (IllegalStateTransitionException e) {
                // another thread moved it first; open is open
            }
        }
    }

    void connectionRecovered() {
        connectionLostAt = 0;
        breaker.transitionToClosedState();
        log.info("connection to {} recovered; publishing again", broker);
    }

    /** Takes a permit, or fails at once when the broker is known to be unreachable. */
    long admit(String queue) {
        try {
            acquirePermission();
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

    /**
     * An open breaker whose wait is over moves itself to half-open inside {@code
     * acquirePermission}; when a recovery closes it at that instant, the library reports the
     * half-open move as illegal. The breaker is closed then, so asking again admits.
     */
    private void acquirePermission() {
        for (int attempt = 1; ; attempt++) {
            try {
                breaker.acquirePermission();
                return;
            } catch (IllegalStateTransitionException e) {
                if (attempt == ADMIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    void succeeded(long admittedAt) {
        breaker.onSuccess(System.nanoTime() - admittedAt, TimeUnit.NANOSECONDS);
    }

    void failed(long admittedAt, Throwable error) {
        breaker.onError(System.nanoTime() - admittedAt, TimeUnit.NANOSECONDS, error);
    }
}
