package dev.warren.worker;

import dev.warren.internal.wire.RejectReason;
import java.time.Duration;

/**
 * What the worker does with a delivery once it knows how it went; {@link Effects} carries it out.
 */
sealed interface Decision {

    /** Done, nobody to tell: acknowledge. */
    record Acknowledge() implements Decision {}

    /** Send the result to the caller, then acknowledge. */
    record Reply(Object result) implements Decision {}

    /** Publish the next attempt after {@code delay} (through a delay queue), then acknowledge. */
    record Retry(Duration delay, Throwable failure) implements Decision {}

    /**
     * The task failed for good: tell the caller (when one waits), keep the message with its history
     * in the dead-letter queue, then acknowledge.
     */
    record GiveUp(Throwable failure) implements Decision {}

    /**
     * Not allowed to run, broke the worker twice, or its result cannot travel back: dead-letter it
     * with the reason, saying whether the message had been verified (a retry of it is possible only
     * then), and tell the caller as {@link RefusalRules} decide.
     */
    record Refuse(RejectReason reason, String detail, boolean contentVerified)
            implements Decision {}

    /** Give it back to the queue untouched. */
    record GiveBack(String why) implements Decision {}
}
