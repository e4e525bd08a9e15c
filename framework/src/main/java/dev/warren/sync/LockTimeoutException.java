package dev.warren.sync;

import java.time.Duration;

/**
 * {@link DistributedLock#acquire(Duration)} waited its whole timeout without getting the lock.
 *
 * <pre>{@code
 * try (Lease lease = lock.acquire(Duration.ofSeconds(2))) { ... }
 * catch (LockTimeoutException e) { System.err.println(e.getMessage()); }  // lock 'x' was not granted within 2s
 * }</pre>
 */
public class LockTimeoutException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
