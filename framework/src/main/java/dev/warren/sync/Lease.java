package dev.warren.sync;

/**
 * A granted {@link DistributedLock}: held until {@link #close()}, or until the holder's connection
 * dies (then the broker gives the lock to the next waiter and this lease is lost).
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

    Lease(DistributedLock lock, HeldToken token, long fencingToken) {
        this.lock = lock;
        this.token = token;
        this.fencingToken = fencingToken;
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
     * connection closed, the lock deleted, or the broker's consumer timeout, 30 min by default).
     */
    public boolean isValid() {
        return token.isValid();
    }

    /**
     * Runs {@code callback} (on a Warren thread) when the lease is lost without {@link #close()};
     * at once if it already was.
     */
    public void onLost(Runnable callback) {
        token.onLost(callback);
    }

    /** Releases the lock to the next waiter; does nothing if already released or lost. */
    @Override
    public void close() {
        token.release();
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
