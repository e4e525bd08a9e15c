package com.example.checksums;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Always fails: what a caller and the dead-letter queue see of a failing task. */
@TaskOptions(queue = "checksums")
public record Explode(String why) implements Task<String> {
    @Override
    public String run(TaskContext ctx) {
        throw new IllegalStateException(why);
    }
}
