package dev.warren.worker;

import dev.warren.internal.replay.ReplayVerdict;
import dev.warren.internal.replay.TakenKey;

/** What admission asks of the fleet's memory of taken tasks, one queue at a time. */
interface ReplayCheck {

    /** Whether this delivery of {@code key} may run; when it may, it is recorded as taken. */
    ReplayVerdict take(String queue, TakenKey key, long taskTimestamp, boolean redelivered);

    /** A delivery that {@link #take} let run was settled: acknowledged, or given back. */
    void settled(String queue, TakenKey key, boolean givenBack);

    /** No memory at all: every delivery may run (replay protection switched off). */
    ReplayCheck NONE =
            new ReplayCheck() {
                @Override
                public ReplayVerdict take(
                        String queue, TakenKey key, long taskTimestamp, boolean redelivered) {
                    return new ReplayVerdict.Take();
                }

                @Override
                public void settled(String queue, TakenKey key, boolean givenBack) {}
            };
}
