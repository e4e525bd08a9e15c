package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

@TaskOptions(
        queue = "it-flaky",
        maxAttempts = 5,
        retryDelayMillis = 100,
        nonRetryable = IllegalArgumentException.class)
public record NotRetryable(String reason) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        throw new IllegalArgumentException(reason + " (attempt " + context.attempt() + ")");
    }
}
