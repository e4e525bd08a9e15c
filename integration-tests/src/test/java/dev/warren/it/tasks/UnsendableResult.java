package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Returns a class registered nowhere, so its result cannot travel back. */
@TaskOptions(queue = "it-refusals", maxAttempts = 1)
public record UnsendableResult() implements Task<Object> {
    @Override
    public Object run(TaskContext context) {
        return new StringBuilder("registered nowhere");
    }
}
