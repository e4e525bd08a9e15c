package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;

/**
 * Queue given per test through {@link QueueOverride}-free design: the queue is part of the record.
 */
@dev.warren.TaskOptions(queue = "it-square")
public record Square(int n) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) {
        return n * n;
    }
}
