package dev.warren.sync;

import java.time.Duration;

/**
 * {@link DistributedSemaphore#acquire(Duration)} waited its whole timeout without getting a permit.
 *
 * <pre>{@code
 * try (Permit permit = semaphore.acquire(Duration.ofSeconds(2))) { ... }
 * catch (PermitTimeoutException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class PermitTimeoutException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public PermitTimeoutException(String message) {
        super(message);
    }
}
