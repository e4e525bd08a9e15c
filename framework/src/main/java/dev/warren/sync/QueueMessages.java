package dev.warren.sync;

import dev.warren.WarrenException;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectedMessageException;
import java.util.UUID;

/**
 * Seals and opens the three messages of one distributed queue: an item (the application's value,
 * Kryo-encoded), an unfinished marker and a free slot (small signed strings). A message is taken
 * for one of them only if its signature holds, it was signed as that kind for this queue, and it
 * decodes to the expected type; anything else is dropped, counted and logged once per cause.
 */
final class QueueMessages<E> {
    private final Seals seals;
    private final QueueAddresses queue;
    private final Class<E> type;
    private final DropLog drops;

    QueueMessages(MessageSealer sealer, QueueAddresses queue, Class<E> type, DropLog drops) {
        this.seals = new Seals(sealer);
        this.queue = queue;
        this.type = type;
        this.drops = drops;
    }

    /**
     * @throws IllegalArgumentException when the item cannot be encoded or is too large
     */
    Envelope item(E item, long nowMillis) {
        if (!type.isInstance(item)) {
            throw new IllegalArgumentException(
                    queue.primitive()
                            + " carries "
                            + type.getName()
                            + ", not "
                            + item.getClass().getName());
        }
        try {
            return seals.seal(UUID.randomUUID().toString(), queue.item(), item, nowMillis);
        } catch (WarrenException e) {
            throw new IllegalArgumentException(
                    queue.primitive() + ": cannot encode the item: " + e.getMessage(), e);
        }
    }

    Envelope marker(long nowMillis) {
        return token(queue.marker(), nowMillis);
    }

    Envelope slot(long nowMillis) {
        return token(queue.slot(), nowMillis);
    }

    private Envelope token(Binding binding, long nowMillis) {
        String id = UUID.randomUUID().toString();
        return seals.seal(id, binding, id, nowMillis);
    }

    /** The item, or null (counted and logged) if the message is not one of this queue's items. */
    E openItem(Envelope envelope) {
        return open(envelope, queue.item(), type, "item");
    }

    boolean isMarker(Envelope envelope) {
        return open(envelope, queue.marker(), String.class, "unfinished marker") != null;
    }

    boolean isSlot(Envelope envelope) {
        return open(envelope, queue.slot(), String.class, "slot") != null;
    }

    private <T> T open(Envelope envelope, Binding binding, Class<T> expected, String kind) {
        try {
            return seals.open(envelope, binding, expected);
        } catch (RejectedMessageException e) {
            drops.drop(
                    queue.primitive(),
                    e.reason().name(),
                    "not its " + kind + ": " + e.getMessage());
            return null;
        }
    }
}
