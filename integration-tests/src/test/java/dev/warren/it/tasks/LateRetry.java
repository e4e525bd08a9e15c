package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * Fails once, then waits 3 s in the delay queue: longer than the short maxMessageAge of its test.
 */
@TaskOptions(queue = "it-late-retry", maxAttempts = 2, retryDelayMillis = 3000)
public record LateRetry(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        if (context.attempt() == 1) {
            throw new IllegalStateException("first attempt fails");
        }
        return text + " on attempt " + context.attempt();
    }
}
