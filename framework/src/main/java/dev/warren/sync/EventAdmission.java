package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectedMessageException;

/**
 * What a subscription lets through to its handler: only events sealed with the configuration's
 * keys, for this very channel, of the channel's type, and each message id once. Not thread-safe:
 * one subscription's dispatch thread uses it.
 */
final class EventAdmission<E> {
    private static final int REMEMBERED_IDS = 10_000;

    private final MessageSealer sealer;
    private final Binding binding;
    private final Class<E> type;
    private final RecentIds seen = new RecentIds(REMEMBERED_IDS);

    /** Either an event for the handler or the reason it was dropped. */
    record Verdict<E>(E event, String dropReason) {
        boolean admitted() {
            return dropReason == null;
        }
    }

    /** {@code binding}: the channel's exchange and its wire type, as events are signed for. */
    EventAdmission(MessageSealer sealer, Binding binding, Class<E> type) {
        this.sealer = sealer;
        this.binding = binding;
        this.type = type;
    }

    Verdict<E> admit(Envelope envelope) {
        Object decoded;
        try {
            decoded = sealer.open(envelope, binding);
        } catch (RejectedMessageException e) {
            return drop(e.reason() + ": " + e.getMessage());
        }
        if (!binding.purpose().equals(envelope.type())) {
            return drop("signed for '" + envelope.type() + "', not for this channel");
        }
        if (!type.isInstance(decoded)) {
            return drop("holds a " + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        if (!seen.firstSighting(envelope.messageId())) {
            return drop("REPLAYED: message " + envelope.messageId() + " was received before");
        }
        return new Verdict<>(type.cast(decoded), null);
    }

    private Verdict<E> drop(String why) {
        return new Verdict<>(null, why);
    }
}
