package dev.warren.it.ops;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Fails at once, on its only attempt: a dead letter made by a real worker. */
@TaskOptions(queue = "ops-boom", maxAttempts = 1)
public record OpsBoom(String message) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        throw new IllegalStateException(message);
    }
}
