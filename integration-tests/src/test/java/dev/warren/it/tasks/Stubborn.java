package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code millis} past its one-second timeout, clearing every interrupt: a task that ignores
 * interruption, without burning a core while it waits.
 */
@TaskOptions(queue = "it-stuck", timeoutSeconds = 1, maxAttempts = 1)
public record Stubborn(long millis) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.interrupted();
            LockSupport.parkNanos(10_000_000);
        }
        return "ended after all";
    }
}
