package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Runs long on its first delivery only; a redelivery returns at once. */
@TaskOptions(queue = "it-consumer-timeout", timeoutSeconds = 60)
public record SlowFirstTime(long millis) implements Task<String> {
    @Override
    public String run(TaskContext context) throws InterruptedException {
        if (!context.redelivered()) {
            Thread.sleep(millis);
        }
        return "redelivered=" + context.redelivered();
    }
}
