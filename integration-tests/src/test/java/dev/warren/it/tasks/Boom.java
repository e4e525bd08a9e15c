package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

@TaskOptions(queue = "it-boom", maxAttempts = 1)
public record Boom(String message) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        throw new IllegalStateException(message);
    }
}
