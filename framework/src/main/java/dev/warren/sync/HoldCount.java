package dev.warren.sync;

/**
 * How many times the owning thread holds a reentrant lock: it starts at one with the first grant,
 * grows with each acquisition by the owner and shrinks with each release; the hold is over at zero.
 * Any other thread is refused, as {@link java.util.concurrent.locks.ReentrantLock#unlock()} refuses
 * a thread that does not hold it.
 */
final class HoldCount {
    private final String primitive;
    private final Thread owner;
    private int count = 1;

    HoldCount(String primitive, Thread owner) {
        this.primitive = primitive;
        this.owner = owner;
    }

    boolean isOwnedBy(Thread thread) {
        return owner == thread;
    }

    int count() {
        return count;
    }

    /** One more acquisition by {@code thread}, which must be the owner. */
    void enter(Thread thread) {
        check(thread, "acquire it again");
        if (count == Integer.MAX_VALUE) {
            throw new IllegalStateException(primitive + ": held too many times by one thread");
        }
        count++;
    }

    /** One release by {@code thread}, which must be the owner; true when that was the last. */
    boolean exit(Thread thread) {
        check(thread, "release it");
        if (count == 0) {
            throw new IllegalStateException(
                    primitive + " is not held any more: nothing to release");
        }
        count--;
        return count == 0;
    }

    private void check(Thread thread, String action) {
        if (thread != owner) {
            throw new IllegalMonitorStateException(
                    primitive
                            + " is reentrant and held by thread '"
                            + owner.getName()
                            + "', so thread '"
                            + thread.getName()
                            + "' cannot "
                            + action
                            + ": only the thread that acquired a reentrant lock may release it"
                            + " (close each Lease on the thread that acquired it)");
        }
    }
}
