package dev.warren.internal.replay;

import java.util.UUID;

/** One attempt of one task: what the fleet may run once. */
public record TakenKey(long high, long low, int attempt) {

    public static TakenKey of(UUID taskId, int attempt) {
        return new TakenKey(
                taskId.getMostSignificantBits(), taskId.getLeastSignificantBits(), attempt);
    }

    @Override
    public String toString() {
        return new UUID(high, low) + " attempt " + attempt;
    }
}
