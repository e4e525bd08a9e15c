package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskContext;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one attempt on the calling thread, interrupting it when the task's time is up. A task that
 * ran past its time fails with a {@link TimeoutException}, whatever it returned.
 */
final class TimedRun {
    private final ScheduledExecutorService timer;

    TimedRun(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** How one attempt ended. */
    sealed interface Outcome {}

    record Returned(Object result) implements Outcome {}

    /**
     * @param interrupted whether the task ended by interruption that was not its time limit (a
     *     forced stop of the worker)
     */
    record Threw(Throwable failure, boolean interrupted) implements Outcome {}

    private static final class Alarm {
        private boolean finished;
        private boolean rang;
    }

    Outcome run(Task<?> task, TaskContext context, Duration timeout) {
        Alarm alarm = new Alarm();
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> scheduled =
                timer.schedule(
                        () -> {
                            synchronized (alarm) {
                                if (!alarm.finished) {
                                    alarm.rang = true;
                                    runner.interrupt();
                                }
                            }
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        Object result = null;
        Throwable failure = null;
        boolean interrupted = false;
        try {
            result = task.run(context);
        } catch (InterruptedException e) {
            failure = e;
            interrupted = true;
        } catch (Throwable e) {
            failure = e;
        } finally {
            scheduled.cancel(false);
            synchronized (alarm) {
                alarm.finished = true;
            }
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (alarm.rang) {
            TimeoutException timedOut =
                    new TimeoutException(
                            "task ran longer than its timeout of "
                                    + timeout.toSeconds()
                                    + "s and was interrupted");
            if (failure != null) {
                timedOut.initCause(failure);
            }
            return new Threw(timedOut, false);
        }
        return failure == null ? new Returned(result) : new Threw(failure, interrupted);
    }
}
