package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Registered on the client only, as a task class a stale worker jar does not have. */
@TaskOptions(queue = "it-refusals", maxAttempts = 1)
public record NotOnWorkers(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
