package dev.warren.sync;

/**
 * How a {@link DistributedLock} behaves in this process: plain (the default) or reentrant.
 *
 * <p>A reentrant lock belongs to a thread, as a {@link java.util.concurrent.locks.ReentrantLock}
 * does: the thread that holds it may acquire it again through the same coordinator (through any
 * {@code DistributedLock} of that name made from it) and gets another {@link Lease} on the same
 * hold, with the same fencing token; the lock goes to the next waiter when the last of those leases
 * is closed. Other threads, other coordinators and other processes wait as for a plain lock. Only
 * the owning thread may close the leases of a reentrant lock.
 *
 * <pre>{@code
 * DistributedLock lock = DistributedLock.named("ledger", coordinator, LockOptions.reentrant());
 * try (Lease outer = lock.acquire(Duration.ofSeconds(5))) {
 *     try (Lease inner = lock.acquire(Duration.ofSeconds(5))) {   // at once: this thread holds it
 *         assert lock.holdCount() == 2;
 *     }
 * }
 * }</pre>
 */
public final class LockOptions {
    private static final LockOptions PLAIN = new LockOptions(false);
    private static final LockOptions REENTRANT = new LockOptions(true);

    private final boolean reentrant;

    private LockOptions(boolean reentrant) {
        this.reentrant = reentrant;
    }

    /** A plain lock: a thread that acquires it again while holding it waits for itself. */
    public static LockOptions plain() {
        return PLAIN;
    }

    /** A lock the holding thread may acquire again; released with the last of its leases. */
    public static LockOptions reentrant() {
        return REENTRANT;
    }

    public boolean isReentrant() {
        return reentrant;
    }

    @Override
    public String toString() {
        return reentrant ? "LockOptions[reentrant]" : "LockOptions[plain]";
    }
}
