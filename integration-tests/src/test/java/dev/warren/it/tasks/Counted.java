package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts its runs in this JVM, by key. A key starting with {@code hang} makes every run wait for
 * {@link #releaseAll()}, one starting with {@code hang-once} only the first, as a worker that dies
 * mid-task would.
 */
@TaskOptions(queue = "it-fleet", timeoutSeconds = 120)
public record Counted(String key) implements Task<String> {
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static volatile CountDownLatch released = new CountDownLatch(1);

    @Override
    public String run(TaskContext context) throws InterruptedException {
        int run = RUNS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (key.startsWith("hang-once") ? run == 1 : key.startsWith("hang")) {
            released.await();
        }
        return key + "#" + run;
    }

    public static int runs(String key) {
        AtomicInteger runs = RUNS.get(key);
        return runs == null ? 0 : runs.get();
    }

    /** Lets every waiting run end, and makes later ones wait again. */
    public static void releaseAll() {
        CountDownLatch old = released;
        released = new CountDownLatch(1);
        old.countDown();
    }
}
