package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;

/**
 * What a subscription lets through to its handler: only events sealed with the configuration's
 * keys, for this very channel, of the channel's type, dated while the subscription has been open
 * (give or take {@code maxClockSkew}) and no older than {@code maxMessageAge}, and each message id
 * once. An event published before the subscription began cannot have reached its queue honestly, so
 * a captured one sent again is refused by its date, whatever the id window remembers. Not
 * thread-safe: one subscription's dispatch thread uses it.
 */
final class EventAdmission<E> {
    private static final int REMEMBERED_IDS = 10_000;

    private final MessageSealer sealer;
    private final Binding binding;
    private final Class<E> type;
    private final long subscribedAtMillis;
    private final long maxAgeMillis;
    private final long skewMillis;
    private final RecentIds seen = new RecentIds(REMEMBERED_IDS);

    /** Either an event for the handler or why it was dropped. */
    record Verdict<E>(E event, String cause, String dropReason) {
        boolean admitted() {
            return dropReason == null;
        }
    }

    /**
     * @param binding the channel's exchange and its wire type, as events are signed for
     */
    EventAdmission(
            MessageSealer sealer,
            Binding binding,
            Class<E> type,
            long subscribedAtMillis,
            Duration maxAge,
            Duration skew) {
        this.sealer = sealer;
        this.binding = binding;
        this.type = type;
        this.subscribedAtMillis = subscribedAtMillis;
        this.maxAgeMillis = maxAge.toMillis();
        this.skewMillis = skew.toMillis();
    }

    Verdict<E> admit(Envelope envelope, long nowMillis) {
        Object decoded;
        try {
            decoded = sealer.open(envelope, binding);
        } catch (RejectedMessageException e) {
            return drop(e.reason(), e.getMessage());
        }
        if (!binding.purpose().equals(envelope.type())) {
            return drop(
                    RejectReason.MISDIRECTED,
                    "signed for '" + envelope.type() + "', not for this channel");
        }
        if (!type.isInstance(decoded)) {
            return drop(
                    RejectReason.UNDECODABLE,
                    "holds a " + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        String late = lateness(envelope.timestamp(), nowMillis);
        if (late != null) {
            return drop(RejectReason.EXPIRED, "message " + envelope.messageId() + " " + late);
        }
        if (!seen.firstSighting(envelope.messageId())) {
            return drop(
                    RejectReason.REPLAYED,
                    "message " + envelope.messageId() + " was received before");
        }
        return new Verdict<>(type.cast(decoded), null, null);
    }

    /** Why an event dated {@code at} cannot be a fresh one, or null if it can. */
    private String lateness(long at, long nowMillis) {
        if (at < subscribedAtMillis - skewMillis) {
            return "is dated "
                    + (subscribedAtMillis - at)
                    + " ms before this subscription began, more than maxClockSkew ("
                    + skewMillis
                    + " ms): a copy sent again";
        }
        if (nowMillis - at > maxAgeMillis) {
            return "is " + (nowMillis - at) + " ms old, more than maxMessageAge";
        }
        if (at - nowMillis > skewMillis) {
            return "is dated "
                    + (at - nowMillis)
                    + " ms in the future, more than maxClockSkew ("
                    + skewMillis
                    + " ms)";
        }
        return null;
    }

    private Verdict<E> drop(RejectReason cause, String why) {
        return new Verdict<>(null, cause.name(), cause.name() + ": " + why);
    }
}
