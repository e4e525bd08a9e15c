package dev.warren.worker;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Counts the task threads given up on that still run. The first time there are more than {@code
 * limit}, {@link #checkLimit()} calls {@code onLimitPassed} (once) with their number: threads that
 * ignore interruption are never got back, only a new process frees them.
 */
final class StuckTasks {
    private final AtomicInteger stuck;
    private final int limit;
    private final IntConsumer onLimitPassed;
    private final AtomicBoolean passed = new AtomicBoolean();

    StuckTasks(AtomicInteger stuck, int limit, IntConsumer onLimitPassed) {
        this.stuck = stuck;
        this.limit = limit;
        this.onLimitPassed = onLimitPassed;
    }

    /** The decision: a worker holding {@code stuck} abandoned threads must stop. */
    static boolean pastLimit(int stuck, int limit) {
        return stuck > limit;
    }

    void abandoned() {
        stuck.incrementAndGet();
    }

    /** After {@link #abandoned()}, once its thread said so. */
    void checkLimit() {
        int now = stuck.get();
        if (pastLimit(now, limit) && passed.compareAndSet(false, true)) {
            onLimitPassed.accept(now);
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
