package dev.warren.it.ops;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails on its only attempt while its key is in {@link #BROKEN}, and returns its key once it is
 * not: a task that a worker dead-letters as FAILED and that runs after the fix, in this JVM.
 */
@TaskOptions(queue = "ops-broken", maxAttempts = 1)
public record OpsBrokenUntilFixed(String key) implements Task<String> {
    /** Keys whose tasks still fail. */
    public static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    @Override
    public String run(TaskContext context) {
        if (BROKEN.contains(key)) {
            throw new IllegalStateException("not fixed yet: " + key);
        }
        return key;
    }
}
