package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Holds a worker's only slot for a while, so the next task waits in the queue. */
@TaskOptions(queue = "it-refusals", maxAttempts = 1)
public record Pause(long millis) implements Task<Long> {
    @Override
    public Long run(TaskContext context) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }
}
