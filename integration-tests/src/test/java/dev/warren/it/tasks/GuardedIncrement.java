package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import java.time.Duration;

/**
 * Takes a distributed lock through the worker's Coordinator (from {@code warren-worker
 * --coordination}) and returns the fencing token of its grant.
 */
@TaskOptions(queue = "it-coordinated", timeoutSeconds = 60)
public record GuardedIncrement(String lockName) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        Coordinator coordinator =
                context.service(Coordinator.class)
                        .orElseThrow(() -> new IllegalStateException("worker has no Coordinator"));
        try (Lease lease =
                DistributedLock.named(lockName, coordinator).acquire(Duration.ofSeconds(30))) {
            return lease.fencingToken();
        }
    }
}
