package dev.warren.sync;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A moment on a monotonic clock by which a wait or a retry loop must end. */
final class Deadline {
    private final LongSupplier nanoClock;
    private final long at;

    private Deadline(LongSupplier nanoClock, long at) {
        this.nanoClock = nanoClock;
        this.at = at;
    }

    static Deadline in(Duration wait) {
        return in(wait, System::nanoTime);
    }

    static Deadline in(Duration wait, LongSupplier nanoClock) {
        return new Deadline(nanoClock, nanoClock.getAsLong() + wait.toNanos());
    }

    boolean hasPassed() {
        return nanoClock.getAsLong() >= at;
    }

    /** Nanoseconds left, negative once passed. */
    long nanosLeft() {
        return at - nanoClock.getAsLong();
    }

    /** How long the next wait may last: what is left, but no more than {@code slice}. */
    long nextWaitNanos(Duration slice) {
        return Math.min(nanosLeft(), slice.toNanos());
    }

    /** Sleeps between two tries of a retry loop. */
    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException("interrupted");
        }
    }
}
