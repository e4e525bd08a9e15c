package dev.warren.sync;

import java.util.Optional;

/**
 * A granted {@link DistributedLock}: held until {@link #close()}, until its lease time (if one was
 * asked for) runs out, or until the holder's connection dies (then the broker gives the lock to the
 * next waiter and this lease is lost). A lease held longer than half the broker's {@code
 * consumer_timeout} is renewed before it (see {@link CoordinatorOptions}), keeping its fencing
 * token.
 *
 * <p>A lease can be lost without this process noticing at once: a frozen process (GC pause,
 * SIGSTOP) keeps believing for a moment that it holds the lock after the broker gave it to someone
 * else. Whatever the lock guards should therefore check {@link #fencingToken()}: accept a write
 * only if its token is at least the highest it has seen.
 *
 * <pre>{@code
 * try (Lease lease = lock.acquire(Duration.ofSeconds(10))) {
 *     lease.onLost(() -> log.warn("lost the lock, stopping"));
 *     storage.write(data, lease.fencingToken());   // storage refuses tokens lower than one it saw
 * }
 * }</pre>
 */
public final class Lease implements AutoCloseable {
    private final DistributedLock lock;
    private final HeldToken token;
    private final long fencingToken;
    private final ReentrantHold shared; // null: a plain lock's lease
    private volatile boolean closed;

    Lease(DistributedLock lock, HeldToken token, long fencingToken) {
        this.lock = lock;
        this.token = token;
        this.fencingToken = fencingToken;
        this.shared = null;
    }

    /** One of the leases of a reentrant hold. */
    Lease(DistributedLock lock, ReentrantHold shared) {
        this.lock = lock;
        this.token = shared.token();
        this.fencingToken = shared.fencingToken();
        this.shared = shared;
    }

    /**
     * Greater than the token of every earlier grant of this lock, including grants to holders that
     * crashed (gaps are possible, repeats are not).
     */
    public long fencingToken() {
        return fencingToken;
    }

    public String lockName() {
        return lock.name();
    }

    /**
     * False after {@link #close()} or once this process learned that the lease was lost (channel or
     * connection closed, the lock deleted, its lease time ran out, or a renewal before the broker's
     * {@code consumer_timeout} failed).
     */
    public boolean isValid() {
        return !closed && token.isValid();
    }

    /**
     * Why the lease was lost, as a sentence (for example that its lease time ran out); empty while
     * it is held and after {@link #close()}.
     */
    public Optional<String> lostReason() {
        return token.lostReason();
    }

    /**
     * Runs {@code callback} (on a Warren thread) when the lease is lost without {@link #close()};
     * at once if it already was.
     */
    public void onLost(Runnable callback) {
        token.onLost(callback);
    }

    /**
     * Releases the lock to the next waiter; does nothing if already released or lost. For a
     * reentrant lock, the lock goes to the next waiter with the last lease its owner closes.
     *
     * @throws IllegalMonitorStateException if the lock is reentrant and this is not the thread that
     *     acquired it
     */
    @Override
    public void close() {
        if (shared == null) {
            closed = true;
            token.release();
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            shared.exit(); // refuses another thread before anything changes
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "Lease[lock "
                + lock.name()
                + ", token "
                + fencingToken
                + (isValid() ? "" : ", no longer valid")
                + "]";
    }
}
