package dev.warren.worker;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the task threads given up on that still run. The first time there are more than {@code
 * limit}, it calls {@code onLimitPassed} (once): threads that ignore interruption are never got
 * back, only a new process frees them.
 */
final class StuckTasks {
    private final AtomicInteger stuck;
    private final int limit;
    private final Runnable onLimitPassed;
    private final AtomicBoolean passed = new AtomicBoolean();

    StuckTasks(AtomicInteger stuck, int limit, Runnable onLimitPassed) {
        this.stuck = stuck;
        this.limit = limit;
        this.onLimitPassed = onLimitPassed;
    }

    /** The decision: a worker holding {@code stuck} abandoned threads must stop. */
    static boolean pastLimit(int stuck, int limit) {
        return stuck > limit;
    }

    void abandoned() {
        if (pastLimit(stuck.incrementAndGet(), limit) && passed.compareAndSet(false, true)) {
            onLimitPassed.run();
        }
    }

    /** An abandoned thread's task ended after all. */
    void ended() {
        stuck.decrementAndGet();
    }

    int count() {
        return stuck.get();
    }

    int limit() {
        return limit;
    }
}
