package dev.warren.sync;

import com.rabbitmq.client.Connection;
import dev.warren.internal.retry.Backoff;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a new connection after the coordinator lost its own: on a thread of its own, one attempt
 * after each {@link Backoff} pause, until one succeeds or the coordinator is closed. At most one
 * loop runs at a time.
 */
final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    /** A broker back after an outage of any length is reached within 5 s of its return. */
    static final Backoff DEFAULT_BACKOFF =
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    private final Supplier<Connection> reopen;
    private final Backoff backoff;
    private final String broker;
    private final Consumer<Connection> onConnected;
    private final BooleanSupplier closed;
    private final AtomicLong successes = new AtomicLong();
    private Thread loop; // guarded by this
    private volatile int attempt;
    private volatile long lostAtMillis;

    Reconnector(
            Supplier<Connection> reopen,
            Backoff backoff,
            String broker,
            Consumer<Connection> onConnected,
            BooleanSupplier closed) {
        this.reopen = reopen;
        this.backoff = backoff;
        this.broker = broker;
        this.onConnected = onConnected;
        this.closed = closed;
    }

    synchronized void start() {
        if (loop != null || closed.getAsBoolean()) {
            return;
        }
        lostAtMillis = System.currentTimeMillis();
        attempt = 0;
        loop = new Thread(this::run, "warren-sync-reconnect");
        loop.setDaemon(true);
        loop.start();
    }

    synchronized void stop() {
        if (loop != null) {
            loop.interrupt();
        }
    }

    long successes() {
        return successes.get();
    }

    /** "lost 3.2 s ago, attempt 5", for messages while the loop runs. */
    String describe() {
        long ago = System.currentTimeMillis() - lostAtMillis;
        return String.format("lost %.1f s ago, reconnect attempt %d", ago / 1000.0, attempt);
    }

    private void run() {
        try {
            while (!closed.getAsBoolean()) {
                attempt++;
                Thread.sleep(backoff.before(attempt).toMillis());
                if (closed.getAsBoolean()) {
                    return;
                }
                Connection fresh = tryOnce();
                if (fresh != null) {
                    successes.incrementAndGet();
                    log.info(
                            "coordinator reconnected to {} after {} ms ({} attempts); leases and"
                                    + " permits held before the loss stay lost, new ones work",
                            broker,
                            System.currentTimeMillis() - lostAtMillis,
                            attempt);
                    finish();
                    onConnected.accept(fresh);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private synchronized void finish() {
        if (loop == Thread.currentThread()) {
            loop = null;
        }
    }

    private Connection tryOnce() {
        try {
            return reopen.get();
        } catch (RuntimeException e) {
            if (worthWarning(attempt)) {
                log.warn(
                        "coordinator cannot reconnect to {} yet (attempt {}): {}",
                        broker,
                        attempt,
                        e.getMessage());
            } else {
                log.debug("reconnect attempt {} to {} failed: {}", attempt, broker, e.toString());
            }
            return null;
        }
    }

    /**
     * Whether attempt {@code attempt}'s failure deserves a WARN: the first three, then one in ten,
     * so an outage of an hour logs a few hundred lines rather than thousands.
     */
    static boolean worthWarning(int attempt) {
        return attempt <= 3 || attempt % 10 == 0;
    }
}
