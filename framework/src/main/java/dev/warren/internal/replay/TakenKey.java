package dev.warren.internal.replay;

import java.util.Optional;
import java.util.UUID;

/** One attempt of one task: what the fleet may run once. */
public record TakenKey(long high, long low, int attempt) {

    /** Empty when {@code messageId} is not a task id (such a message is refused before this). */
    public static Optional<TakenKey> of(String messageId, int attempt) {
        try {
            UUID id = UUID.fromString(messageId);
            return Optional.of(
                    new TakenKey(
                            id.getMostSignificantBits(), id.getLeastSignificantBits(), attempt));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return new UUID(high, low) + " attempt " + attempt;
    }
}
