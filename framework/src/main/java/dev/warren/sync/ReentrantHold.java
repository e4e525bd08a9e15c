package dev.warren.sync;

import java.util.Map;

/**
 * One thread's hold of a reentrant lock through one coordinator: a single held token and fencing
 * token shared by every {@link Lease} the owner acquired, released on the broker with the last of
 * them. Kept in the coordinator's table of held reentrant locks while it lasts.
 */
final class ReentrantHold {
    private final Map<String, ReentrantHold> table;
    private final String key;
    private final HeldToken token;
    private final long fencingToken;
    private final HoldCount count;

    ReentrantHold(
            Map<String, ReentrantHold> table,
            String key,
            HeldToken token,
            long fencingToken,
            String primitive) {
        this.table = table;
        this.key = key;
        this.token = token;
        this.fencingToken = fencingToken;
        this.count = new HoldCount(primitive, Thread.currentThread());
    }

    /** The hold of the current thread, if it holds the lock and the hold is not lost. */
    static ReentrantHold ofCurrentThread(Map<String, ReentrantHold> table, String key) {
        ReentrantHold hold = table.get(key);
        if (hold == null || !hold.token.isValid()) {
            return null;
        }
        synchronized (hold) {
            return hold.count.isOwnedBy(Thread.currentThread()) && hold.count.count() > 0
                    ? hold
                    : null;
        }
    }

    /** Enters the table: the current thread is the owner from now on. */
    void register() {
        table.put(key, this);
    }

    HeldToken token() {
        return token;
    }

    long fencingToken() {
        return fencingToken;
    }

    synchronized int count() {
        return count.count();
    }

    synchronized void enter() {
        count.enter(Thread.currentThread());
    }

    /** A release by the current thread; the last one gives the token back. */
    void exit() {
        boolean last;
        synchronized (this) {
            last = count.exit(Thread.currentThread());
        }
        if (last) {
            table.remove(key, this); // before the broker can hand the lock to a waiter here
            token.release();
        }
    }
}
