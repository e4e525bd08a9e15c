package dev.warren.internal.transport;

import dev.warren.BrokerUnavailableException;
import dev.warren.PublishFailedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many messages may wait for their confirm at once, and whether the broker blocks publishers (a
 * memory or disk alarm). A publisher waits for both, each at most {@code timeout}.
 */
final class PublishWindow {
    private final int size;
    private final Duration timeout;
    private final String broker;
    private final Semaphore permits;
    private final Object blockMonitor = new Object();
    private volatile String blockedReason;

    PublishWindow(int size, Duration timeout, String broker) {
        this.size = size;
        this.timeout = timeout;
        this.broker = broker;
        this.permits = new Semaphore(size);
    }

    /**
     * Takes a place in the window, waiting while it is full or the broker blocks publishers.
     *
     * @throws BrokerUnavailableException when the window stays full for the whole timeout
     * @throws PublishFailedException when the broker blocks publishers for the whole timeout
     */
    void enter(String queue) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BrokerUnavailableException(
                        "cannot publish to "
                                + queue
                                + ": "
                                + size
                                + " messages stayed unconfirmed for "
                                + timeout.toSeconds()
                                + "s (publishTimeout); RabbitMQ at "
                                + broker
                                + " is overloaded or unreachable",
                        BrokerUnavailableException.Problem.OVERLOADED,
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting to publish to " + queue, e);
        }
        try {
            awaitUnblocked(queue, deadline);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** The message left the window: confirmed, failed or abandoned. */
    void leave() {
        permits.release();
    }

    void blocked(String reason) {
        blockedReason = reason;
    }

    void unblocked() {
        blockedReason = null;
        synchronized (blockMonitor) {
            blockMonitor.notifyAll();
        }
    }

    private void awaitUnblocked(String queue, long deadline) {
        synchronized (blockMonitor) {
            while (blockedReason != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new PublishFailedException(
                            "cannot publish to "
                                    + queue
                                    + ": RabbitMQ at "
                                    + broker
                                    + " has blocked publishers for longer than publishTimeout ("
                                    + blockedReason
                                    + ")");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(blockMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PublishFailedException(
                            "interrupted while waiting to publish to " + queue, e);
                }
            }
        }
    }

    /** Waits until the window is empty: every message so far confirmed or failed. */
    boolean awaitEmpty(Duration wait) {
        try {
            if (permits.tryAcquire(size, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                permits.release(size);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int occupied() {
        return size - permits.availablePermits();
    }
}
