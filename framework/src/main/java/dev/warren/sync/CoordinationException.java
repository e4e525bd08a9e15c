package dev.warren.sync;

import dev.warren.WarrenException;

/**
 * A coordination primitive could not do what was asked: the broker refused, the coordinator's
 * connection is gone, or the primitive was deleted. The message names the primitive, for example
 * {@code "lock 'orders': cannot acquire: the coordinator's connection to amqp://guest:***@host:5672
 * is closed (320 CONNECTION_FORCED)"}.
 *
 * <pre>{@code
 * try (Lease lease = lock.acquire(Duration.ofSeconds(5))) { ... }
 * catch (AcquireTimeoutException e) { retryLater(); }
 * catch (CoordinationException e) { log.error(e.getMessage()); }
 * }</pre>
 */
public class CoordinationException extends WarrenException {
    private static final long serialVersionUID = 1L;

    public CoordinationException(String message) {
        super(message);
    }

    public CoordinationException(String message, Throwable cause) {
        super(message, cause);
    }
}
