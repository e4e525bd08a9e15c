package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

@TaskOptions(queue = "it-quorum")
public record QuorumEcho(String text) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        return text;
    }
}
