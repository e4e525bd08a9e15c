package dev.warren.it.ops;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** A task for the operations tests; they route it to queues of their own. */
@TaskOptions(queue = "ops-echo")
public record OpsEcho(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
