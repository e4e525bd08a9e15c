package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Registered on the producer only, to show a worker refusing a class it does not know. */
@TaskOptions(queue = "it-echo")
public record Unregistered(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
