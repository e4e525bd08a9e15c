package dev.warren.worker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a worker has done so far, and what it holds right now. */
final class PipelineCounters {
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicInteger running = new AtomicInteger();

    /** Task threads given up on after their timeout and grace that still run. */
    final AtomicInteger stuck = new AtomicInteger();

    /** Deliveries handed to the pipeline and not yet acknowledged or given back. */
    final AtomicInteger unsettled = new AtomicInteger();

    /** Per queue, for the heartbeat. */
    final ActivityByQueue activity = new ActivityByQueue();

    Worker.Stats stats() {
        return new Worker.Stats(
                succeeded.get(),
                failed.get(),
                retried.get(),
                rejected.get(),
                running.get(),
                stuck.get());
    }
}
