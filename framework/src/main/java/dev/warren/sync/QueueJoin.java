package dev.warren.sync;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How {@code join()} waits: it reads the number of unfinished items (the ready markers, about 0.1
 * ms per read) until it is 0, pausing 5 ms after the first read and doubling up to 100 ms, so a
 * long join costs ten reads a second and a short one returns within a few ms.
 */
final class QueueJoin {
    static final Duration LONGEST_PAUSE = Duration.ofMillis(100);
    private static final long FIRST_PAUSE_MILLIS = 5;

    private QueueJoin() {}

    /**
     * @param unfinished reads the count (throws when the queue is gone)
     * @param deadline null: as long as it takes
     * @param sleep pauses for the given milliseconds
     * @return true once the count was 0, false when the deadline passed first
     */
    static boolean await(LongSupplier unfinished, Deadline deadline, LongConsumer sleep) {
        for (int round = 0; ; round++) {
            if (unfinished.getAsLong() == 0) {
                return true;
            }
            if (deadline != null && deadline.hasPassed()) {
                return false;
            }
            long pause = pauseMillis(round);
            if (deadline != null) {
                pause = Math.max(1, Math.min(pause, deadline.nanosLeft() / 1_000_000));
            }
            sleep.accept(pause);
        }
    }

    static long pauseMillis(int round) {
        return Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE_MILLIS << Math.min(round, 10));
    }
}
