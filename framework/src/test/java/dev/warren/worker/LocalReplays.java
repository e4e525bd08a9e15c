package dev.warren.worker;

import dev.warren.internal.replay.FleetMemory;
import dev.warren.internal.replay.ReplayVerdict;
import dev.warren.internal.replay.TakenKey;
import java.time.Duration;

/** A fleet of one: the {@link FleetMemory} of a worker that has no log to share. */
final class LocalReplays implements ReplayCheck {
    static final String ME = "this-worker";
    private final FleetMemory memory = new FleetMemory(100, 3, Duration.ofSeconds(3));

    @Override
    public synchronized ReplayVerdict take(
            String queue, TakenKey key, long taskTimestamp, boolean redelivered) {
        return memory.decide(key, taskTimestamp, redelivered, ME, System.currentTimeMillis());
    }

    @Override
    public synchronized void settled(String queue, TakenKey key, boolean givenBack) {
        memory.settled(key, givenBack, ME);
    }
}
