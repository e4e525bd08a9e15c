package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Returns what the worker told it: "taskId|attempt|redelivered", after sleeping. */
@TaskOptions(queue = "it-introspect", timeoutSeconds = 60)
public record Introspect(long millis) implements Task<String> {
    @Override
    public String run(TaskContext context) throws InterruptedException {
        Thread.sleep(millis);
        return context.taskId() + "|" + context.attempt() + "|" + context.redelivered();
    }
}
