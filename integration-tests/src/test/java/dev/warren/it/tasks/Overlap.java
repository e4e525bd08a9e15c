package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sleeps while counted as running in its {@code run}, and remembers the most that ever ran at once
 * in this JVM: how many of a map's tasks a worker with room for more was given at a time.
 */
@TaskOptions(queue = "it-overlap", timeoutSeconds = 60)
public record Overlap(String run, int index, long millis) implements Task<Integer> {
    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> MOST = new ConcurrentHashMap<>();

    @Override
    public Integer run(TaskContext context) throws InterruptedException {
        AtomicInteger running = RUNNING.computeIfAbsent(run, r -> new AtomicInteger());
        int now = running.incrementAndGet();
        MOST.computeIfAbsent(run, r -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(millis);
        } finally {
            running.decrementAndGet();
        }
        return index;
    }

    /** The most tasks of {@code run} that ran at once in this JVM. */
    public static int mostAtOnce(String run) {
        AtomicInteger most = MOST.get(run);
        return most == null ? 0 : most.get();
    }
}
