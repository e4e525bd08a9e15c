package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The message of a lock's sequencer queue: the last fencing token granted, signed for that queue as
 * the lock's counter. What a grant finds in the queue is read here: the highest genuine value wins,
 * so neither a forgery nor an older counter copied and published again can make tokens go back.
 */
final class FencingCounter {
    private final Seals seals;
    private final Binding binding;

    /** What a grant made of everything it found in the sequencer queue. */
    record Reading(OptionalLong highest, List<RejectedMessageException> refused) {}

    FencingCounter(Seals seals, String sequencerQueue, String lockName) {
        this.seals = seals;
        this.binding = Binding.of(sequencerQueue, "fencing:" + lockName);
    }

    /** The counter a new sequencer starts with: the first grant gets token 1. */
    Envelope initial(long nowMillis) {
        return seal(0, nowMillis);
    }

    Envelope seal(long value, long nowMillis) {
        return seals.seal("fencing " + value, binding, value, nowMillis);
    }

    /** The highest value among the genuine counters, and why each other message was refused. */
    Reading read(List<Envelope> found) {
        long highest = -1;
        List<RejectedMessageException> refused = new ArrayList<>();
        for (Envelope envelope : found) {
            try {
                highest = Math.max(highest, open(envelope));
            } catch (RejectedMessageException e) {
                refused.add(e);
            }
        }
        return new Reading(highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest), refused);
    }

    private long open(Envelope envelope) {
        long value = seals.open(envelope, binding, Long.class);
        if (value < 0) {
            throw new RejectedMessageException(
                    RejectReason.UNDECODABLE,
                    "message " + envelope.messageId() + " holds a negative counter " + value);
        }
        return value;
    }
}
