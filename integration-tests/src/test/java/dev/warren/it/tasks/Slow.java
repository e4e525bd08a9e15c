package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * Sleeps, then returns its index; used to have tasks in flight when a worker is killed or stopped.
 */
@TaskOptions(queue = "it-slow", timeoutSeconds = 60)
public record Slow(int index, long millis) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) throws InterruptedException {
        Thread.sleep(millis);
        return index;
    }
}
