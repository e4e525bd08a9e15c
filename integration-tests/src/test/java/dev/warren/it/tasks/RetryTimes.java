package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.TaskOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notes when each attempt starts (for an in-process worker, in {@link #STARTS}), fails until its
 * last attempt, then returns it.
 */
@TaskOptions(queue = "it-flaky", maxAttempts = 3, retryDelayMillis = 500)
public record RetryTimes(String label) implements Task<Integer> {
    /** Start times per task id, in {@link System#nanoTime()} nanoseconds, in attempt order. */
    public static final Map<TaskId, List<Long>> STARTS = new ConcurrentHashMap<>();

    @Override
    public Integer run(TaskContext context) {
        STARTS.computeIfAbsent(context.taskId(), id -> new CopyOnWriteArrayList<>())
                .add(System.nanoTime());
        if (context.attempt() < context.maxAttempts()) {
            throw new IllegalStateException("attempt " + context.attempt() + " fails on purpose");
        }
        return context.attempt();
    }
}
