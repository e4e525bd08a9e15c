package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;

/**
 * Seals and opens the small records that are a primitive's state on the broker (a permit, a lock's
 * token, a fencing counter, an event's flag and wake-up): each is signed for its queue or exchange
 * and for what it is there, and its type is that purpose, so a record of one primitive or kind is
 * refused by every other.
 *
 * <pre>{@code
 * Binding permit = Binding.of(tokenQueue, "permit:" + name);
 * Envelope sealed = seals.seal("permit 1 of 3", permit, "permit 1 of 3", now);
 * String body = seals.open(received, permit, String.class);   // RejectedMessageException
 * }</pre>
 */
final class Seals {
    private final MessageSealer sealer;

    Seals(MessageSealer sealer) {
        this.sealer = sealer;
    }

    Envelope seal(String id, Binding binding, Object payload, long nowMillis) {
        return sealer.seal(Heading.of(id, binding.purpose(), nowMillis, binding), payload);
    }

    /**
     * The payload, once the signature holds, the message was signed for {@code binding} and it
     * holds a {@code type}.
     *
     * @throws RejectedMessageException saying why it cannot be trusted
     */
    <T> T open(Envelope envelope, Binding binding, Class<T> type) {
        Object payload = sealer.open(envelope, binding);
        if (!binding.purpose().equals(envelope.type())) {
            throw new RejectedMessageException(
                    RejectReason.MISDIRECTED,
                    "message "
                            + envelope.messageId()
                            + " says type "
                            + envelope.type()
                            + ", not "
                            + binding.purpose());
        }
        if (!type.isInstance(payload)) {
            throw new RejectedMessageException(
                    RejectReason.UNDECODABLE,
                    "message "
                            + envelope.messageId()
                            + " holds a "
                            + (payload == null ? "null" : payload.getClass().getName())
                            + ", not a "
                            + type.getName());
        }
        return type.cast(payload);
    }
}
