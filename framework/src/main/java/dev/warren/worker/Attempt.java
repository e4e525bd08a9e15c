package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.internal.ship.BundleClassLoader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One attempt's body, run on a task thread of its own while the slot that started it waits. The
 * slot may interrupt it, and give up on it: an abandoned attempt that ends later reports to {@code
 * lateEnd} and its outcome is never read.
 */
final class Attempt implements Runnable {
    private final Task<?> task;
    private final TaskContext context;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Thread runner;
    private boolean interruptRequested;
    private boolean finished;
    private boolean abandoned;
    private Runnable lateEnd;
    private TimedRun.Outcome outcome;

    Attempt(Task<?> task, TaskContext context) {
        this.task = task;
        this.context = context;
    }

    @Override
    public void run() {
        synchronized (this) {
            runner = Thread.currentThread();
            if (interruptRequested) {
                runner.interrupt();
            }
        }
        Object result = null;
        Throwable failure = null;
        boolean interrupted = false;
        Thread thread = Thread.currentThread();
        ClassLoader workerLoader = thread.getContextClassLoader();
        // shipped code that looks things up by name (ServiceLoader, frameworks) must find its own
        BundleClassLoader.of(task.getClass()).ifPresent(thread::setContextClassLoader);
        try {
            result = task.run(context);
        } catch (InterruptedException e) {
            failure = e;
            interrupted = true;
        } catch (Throwable e) {
            failure = e;
        } finally {
            thread.setContextClassLoader(workerLoader);
        }
        Runnable reportLateEnd;
        synchronized (this) {
            runner = null;
            // under the lock, so no interrupt meant for this attempt reaches the thread's next one
            if (Thread.interrupted()) {
                interrupted = true;
            }
            outcome =
                    failure == null
                            ? new TimedRun.Returned(result)
                            : new TimedRun.Threw(failure, interrupted);
            finished = true;
            reportLateEnd = abandoned ? lateEnd : null;
        }
        ended.countDown();
        if (reportLateEnd != null) {
            reportLateEnd.run();
        }
    }

    /** Whether the attempt ended within {@code wait}. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        return ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** As {@link #awaitEnd}, but an interruption of the waiting thread is passed to the task. */
    boolean awaitEndPassingInterrupts(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }

    /** Interrupts the task's thread, now or as soon as it starts; never once the task ended. */
    synchronized void interrupt() {
        interruptRequested = true;
        if (runner != null) {
            runner.interrupt();
        }
    }

    /**
     * Gives up on the attempt unless it has ended: {@code onAbandon} runs at once (under the same
     * lock as the end, so it always comes before {@code lateEnd}), {@code lateEnd} when the task
     * finally ends.
     *
     * @return false when the attempt had ended, and its outcome is there to read
     */
    synchronized boolean abandon(Runnable onAbandon, Runnable lateEnd) {
        if (finished) {
            return false;
        }
        abandoned = true;
        this.lateEnd = lateEnd;
        onAbandon.run();
        return true;
    }

    /** How the task ended; only once it has. */
    synchronized TimedRun.Outcome outcome() {
        if (!finished) {
            throw new IllegalStateException("the attempt has not ended");
        }
        return outcome;
    }
}
