package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;
import java.util.UUID;

/**
 * The two messages of a {@link DistributedEvent}: the flag in its state queue (the event is set
 * while a genuine one is there) and the wake-up sent to its waiters, each signed for where it goes.
 * A wake-up is believed only if it is dated after the waiter began to wait (give or take {@code
 * maxClockSkew}): one captured earlier and sent again wakes nobody.
 */
final class EventFlag {
    private static final String SET = "set";

    private final Seals seals;
    private final Binding flag;
    private final Binding wake;
    private final long skewMillis;

    EventFlag(Seals seals, String stateQueue, String wakeExchange, String name, Duration skew) {
        this.seals = seals;
        this.flag = Binding.of(stateQueue, "event-flag:" + name);
        this.wake = Binding.of(wakeExchange, "event-wake:" + name);
        this.skewMillis = skew.toMillis();
    }

    Envelope flag(long nowMillis) {
        return seals.seal(UUID.randomUUID().toString(), flag, SET, nowMillis);
    }

    Envelope wake(long nowMillis) {
        return seals.seal(UUID.randomUUID().toString(), wake, SET, nowMillis);
    }

    /**
     * @throws RejectedMessageException unless it is this event's genuine flag
     */
    void openFlag(Envelope envelope) {
        seals.open(envelope, flag, String.class);
    }

    /**
     * @throws RejectedMessageException unless it is this event's genuine wake-up, sent while the
     *     waiter waited
     */
    void openWake(Envelope envelope, long waitingSinceMillis, long nowMillis) {
        seals.open(envelope, wake, String.class);
        if (envelope.timestamp() < waitingSinceMillis - skewMillis) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "wake-up "
                            + envelope.messageId()
                            + " is dated "
                            + (waitingSinceMillis - envelope.timestamp())
                            + " ms before the wait began, more than maxClockSkew ("
                            + skewMillis
                            + " ms): a copy sent again");
        }
        if (envelope.timestamp() > nowMillis + skewMillis) {
            throw new RejectedMessageException(
                    RejectReason.EXPIRED,
                    "wake-up "
                            + envelope.messageId()
                            + " is dated "
                            + (envelope.timestamp() - nowMillis)
                            + " ms in the future, more than maxClockSkew ("
                            + skewMillis
                            + " ms)");
        }
    }
}
