package dev.warren.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's Micrometer meters, tagged by task type and queue. Messages refused before their
 * signature verified are tagged {@code type=unverified}: their type header is whatever the sender
 * wrote, and must not create meters at will.
 */
final class WorkerMeters {
    static final String UNVERIFIED = "unverified";

    private final MeterRegistry registry;

    WorkerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry holds {@code stuck} only weakly: the worker's counters keep it. */
    void stuckThreads(AtomicInteger stuck) {
        Gauge.builder("warren.tasks.stuck", stuck, AtomicInteger::get)
                .description("task threads abandoned after their timeout and grace that still run")
                .register(registry);
    }

    void started(String type, String queue, long queueWaitMillis) {
        counter("warren.tasks.started", type, queue).increment();
        Timer.builder("warren.tasks.queue.wait")
                .description("time from when a task was due until a worker started it")
                .tag("type", type)
                .tag("queue", queue)
                .register(registry)
                .record(Math.max(0, queueWaitMillis), TimeUnit.MILLISECONDS);
    }

    void ran(String type, String queue, long nanos, boolean succeeded) {
        Timer.builder("warren.tasks.run")
                .description("time a task's run method took")
                .tag("type", type)
                .tag("queue", queue)
                .tag("outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void succeeded(String type, String queue) {
        counter("warren.tasks.succeeded", type, queue).increment();
    }

    void failed(String type, String queue) {
        counter("warren.tasks.failed", type, queue).increment();
    }

    void retried(String type, String queue) {
        counter("warren.tasks.retried", type, queue).increment();
    }

    void deadLettered(String type, String queue, String reason) {
        Counter.builder("warren.tasks.dead.lettered")
                .tag("type", type)
                .tag("queue", queue)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String type, String queue) {
        return Counter.builder(name).tag("type", type).tag("queue", queue).register(registry);
    }
}
