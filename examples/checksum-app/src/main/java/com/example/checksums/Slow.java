package com.example.checksums;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Sleeps past its one-second timeout unless told to be quick. */
@TaskOptions(queue = "checksums", timeoutSeconds = 1)
public record Slow(long millis) implements Task<Long> {
    @Override
    public Long run(TaskContext ctx) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }
}
