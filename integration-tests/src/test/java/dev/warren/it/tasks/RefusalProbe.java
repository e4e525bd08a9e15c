package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Echoes its text; on a queue of its own, for the tests of refused tasks. */
@TaskOptions(queue = "it-refusals", maxAttempts = 1)
public record RefusalProbe(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
