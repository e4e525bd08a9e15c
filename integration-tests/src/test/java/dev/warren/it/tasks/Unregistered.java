package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;

/**
 * Registered on the producer only, to show a worker refusing a class it does not know: it carries
 * no {@code @TaskOptions}, so no worker's classpath scan finds it.
 */
public record Unregistered(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
