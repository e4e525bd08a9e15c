package dev.warren.worker;

import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.wire.RejectReason;
import java.util.Optional;

/** The decision table from what happened to what the worker does. No effects, no clock. */
final class OutcomeRules {
    private OutcomeRules() {}

    /**
     * @param attempt the attempt that just ran, from 1
     * @param wantsReply whether the task names a reply queue
     * @param forcedStop whether the worker is being stopped and interrupts its tasks
     */
    static Decision afterRun(
            TimedRun.Outcome outcome,
            TaskDefinition definition,
            int attempt,
            boolean wantsReply,
            boolean forcedStop) {
        if (outcome instanceof TimedRun.Threw threw) {
            return afterFailure(threw, definition, attempt, forcedStop);
        }
        Object result = ((TimedRun.Returned) outcome).result();
        return wantsReply ? new Decision.Reply(result) : new Decision.Acknowledge();
    }

    private static Decision afterFailure(
            TimedRun.Threw threw, TaskDefinition definition, int attempt, boolean forcedStop) {
        if (forcedStop && threw.interrupted()) {
            return new Decision.GiveBack("interrupted by shutdown");
        }
        Optional<java.time.Duration> retry =
                RetryPolicy.retryAfter(definition, attempt, threw.failure());
        return retry.<Decision>map(delay -> new Decision.Retry(delay, threw.failure()))
                .orElseGet(() -> new Decision.GiveUp(threw.failure()));
    }

    /**
     * The result cannot travel back (not registered, too large): no retry can fix that, and the
     * caller hears of it as a refusal naming the result.
     */
    static Decision unsendableResult(RuntimeException whySealingFailed) {
        return new Decision.Refuse(
                RejectReason.UNSENDABLE_RESULT,
                "the result cannot be sent back: " + whySealingFailed.getMessage(),
                true);
    }

    /**
     * The worker itself failed on a message: bad luck the first time, a poison message the second
     * time round. {@code admitted}: whether admission had verified the message before the error.
     */
    static Decision afterWorkerError(Throwable error, boolean redelivered, boolean admitted) {
        return redelivered
                ? new Decision.Refuse(RejectReason.WORKER_ERROR, error.toString(), admitted)
                : new Decision.GiveBack("unexpected worker error, given back once");
    }

    /** A delivery that arrives while the worker stops is never started. */
    static Decision whileStopping() {
        return new Decision.GiveBack("the worker is stopping");
    }
}
