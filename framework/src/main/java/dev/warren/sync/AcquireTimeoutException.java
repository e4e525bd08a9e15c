package dev.warren.sync;

import java.time.Duration;

/**
 * {@link DistributedLock#acquire(Duration)} or {@link DistributedSemaphore#acquire(Duration)}
 * waited its whole timeout without getting the lock or a permit, or {@link
 * DistributedQueue#get(Duration)} without an item to take. The message names the primitive.
 *
 * <pre>{@code
 * try (Lease lease = lock.acquire(Duration.ofSeconds(2))) { ... }
 * catch (AcquireTimeoutException e) { System.err.println(e.getMessage()); }  // lock 'x' was not granted within 2s
 * }</pre>
 */
public class AcquireTimeoutException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public AcquireTimeoutException(String message) {
        super(message);
    }
}
