package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Runs past its one-second timeout. */
@TaskOptions(queue = "it-timeout", timeoutSeconds = 1, maxAttempts = 1)
public record Sleepy(long millis) implements Task<String> {
    @Override
    public String run(TaskContext context) throws InterruptedException {
        Thread.sleep(millis);
        return "woke up";
    }
}
