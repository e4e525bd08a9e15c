package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskContext;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt on a task thread and waits for it on the calling thread (the worker's slot).
 * When the task's time is up it interrupts it; a task that ran past its time fails with a {@link
 * TimeoutException}, whatever it returned. A task still running {@code grace} after that is
 * abandoned: the slot goes on with the timeout, the thread counts as stuck until its task ends, and
 * what it returns then is discarded.
 */
final class TimedRun {
    private static final Logger log = LoggerFactory.getLogger(TimedRun.class);

    private final Executor taskThreads;
    private final Duration grace;
    private final StuckTasks stuck;

    TimedRun(Executor taskThreads, Duration grace, StuckTasks stuck) {
        this.taskThreads = taskThreads;
        this.grace = grace;
        this.stuck = stuck;
    }

    /** How one attempt ended. */
    sealed interface Outcome {}

    record Returned(Object result) implements Outcome {}

    /**
     * @param interrupted whether the task ended by interruption that was not its time limit (a
     *     forced stop of the worker)
     */
    record Threw(Throwable failure, boolean interrupted) implements Outcome {}

    Outcome run(Task<?> task, TaskContext context, Duration timeout) {
        Attempt attempt = new Attempt(task, context);
        taskThreads.execute(attempt);
        boolean timedOut;
        try {
            if (attempt.awaitEnd(timeout)) {
                return attempt.outcome();
            }
            timedOut = true;
        } catch (InterruptedException e) {
            // a forced stop interrupts the slot: the interruption is the task's
            timedOut = false;
        }
        attempt.interrupt();
        if (!attempt.awaitEndPassingInterrupts(grace)
                && attempt.abandon(stuck::abandoned, () -> ended(task))) {
            log.warn(
                    "task {} ignored interruption for {} after {}; its thread is abandoned ({} stuck"
                            + " now, the worker stops past {})",
                    Effects.simple(task.getClass().getName()),
                    text(grace),
                    timedOut ? "its timeout of " + text(timeout) : "the worker's forced stop",
                    stuck.count(),
                    stuck.limit());
            stuck.checkLimit();
            return timedOut
                    ? new Threw(timeoutAbandoned(timeout), false)
                    : new Threw(new InterruptedException("abandoned by the worker's stop"), true);
        }
        Outcome outcome = attempt.outcome();
        if (!timedOut) {
            return outcome;
        }
        TimeoutException timeoutFailure =
                new TimeoutException(
                        "task ran longer than its timeout of "
                                + text(timeout)
                                + " and was interrupted");
        if (outcome instanceof Threw threw) {
            timeoutFailure.initCause(threw.failure());
        }
        return new Threw(timeoutFailure, false);
    }

    private TimeoutException timeoutAbandoned(Duration timeout) {
        return new TimeoutException(
                "task ran longer than its timeout of "
                        + text(timeout)
                        + " and ignored interruption for "
                        + text(grace)
                        + "; its thread was abandoned");
    }

    private void ended(Task<?> task) {
        stuck.ended();
        log.info(
                "task {} ended after its thread was abandoned; its outcome is discarded ({} stuck now)",
                Effects.simple(task.getClass().getName()),
                stuck.count());
    }

    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + "s"
                : duration.toMillis() + "ms";
    }
}
