package dev.warren.internal.replay;

import dev.warren.internal.wire.RejectReason;

/** What the fleet's memory says about one delivery of a task attempt. */
public sealed interface ReplayVerdict {

    /** It may run; it is now recorded as taken by this worker. */
    record Take() implements ReplayVerdict {}

    /** It must not run. */
    record Refuse(RejectReason reason, String detail) implements ReplayVerdict {}

    /**
     * Not yet known: another worker that looks alive holds it, and a redelivery may be genuine only
     * once that worker is known to have lost it. Ask again by {@code untilMillis}.
     */
    record Wait(long untilMillis) implements ReplayVerdict {}
}
