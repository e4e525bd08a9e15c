package dev.warren.it.ops;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stands for a task that takes {@code millis} of work, so run-time charts have something to show.
 */
@TaskOptions(queue = "ops-work")
public record OpsWork(int millis) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        return millis;
    }
}
