package dev.warren.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's Micrometer meters, tagged by task type and queue. Messages refused before their
 * signature verified are tagged {@code type=unverified}: their type header is whatever the sender
 * wrote, and must not create meters at will.
 *
 * <p>Counters have no base unit on purpose: Prometheus would append it to the name ({@code
 * warren_tasks_succeeded_tasks_total}) and break the names alerts already use. Timers are in
 * seconds and publish histogram buckets from 1 ms to 10 min, so Prometheus can compute quantiles.
 */
final class WorkerMeters {
    static final String UNVERIFIED = "unverified";

    /** The range of task latencies the histogram buckets cover. */
    static final Duration FASTEST = Duration.ofMillis(1);

    static final Duration SLOWEST = Duration.ofMinutes(10);

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
        counter("warren.tasks.started", "tasks a worker took from its queue and began", type, queue)
                .increment();
        latency(
                        "warren.tasks.queue.wait",
                        "time from when a task was due until a worker started it")
                .tag("type", type)
                .tag("queue", queue)
                .register(registry)
                .record(Math.max(0, queueWaitMillis), TimeUnit.MILLISECONDS);
    }

    void ran(String type, String queue, long nanos, boolean succeeded) {
        latency("warren.tasks.run", "time a task's run method took")
                .tag("type", type)
                .tag("queue", queue)
                .tag("outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void succeeded(String type, String queue) {
        counter("warren.tasks.succeeded", "tasks that returned a result", type, queue).increment();
    }

    void failed(String type, String queue) {
        counter("warren.tasks.failed", "tasks that failed on their last attempt", type, queue)
                .increment();
    }

    void retried(String type, String queue) {
        counter("warren.tasks.retried", "failed attempts sent to a later retry", type, queue)
                .increment();
    }

    void deadLettered(String type, String queue, String reason) {
        Counter.builder("warren.tasks.dead.lettered")
                .description("messages a worker put in the dead-letter queue, by reason")
                .tag("type", type)
                .tag("queue", queue)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A timer with histogram buckets over Warren's range of task latencies. */
    static Timer.Builder latency(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(FASTEST)
                .maximumExpectedValue(SLOWEST);
    }

    private Counter counter(String name, String description, String type, String queue) {
        return Counter.builder(name)
                .description(description)
                .tag("type", type)
                .tag("queue", queue)
                .register(registry);
    }
}
