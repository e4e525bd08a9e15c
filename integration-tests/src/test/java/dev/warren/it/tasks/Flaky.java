package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Fails until its attempt reaches {@code succeedOnAttempt}, then returns the attempt number. */
@TaskOptions(queue = "it-flaky", maxAttempts = 3, retryDelayMillis = 100)
public record Flaky(int succeedOnAttempt) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) {
        if (context.attempt() < succeedOnAttempt) {
            throw new IllegalStateException("attempt " + context.attempt() + " fails on purpose");
        }
        return context.attempt();
    }
}
