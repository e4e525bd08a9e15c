package dev.warren.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A client's Micrometer meters: tasks submitted, the round trip from submit to reply, failures by
 * reason, and the tasks in flight. The round-trip timer publishes histogram buckets from 1 ms to 10
 * min, so Prometheus can compute quantiles.
 */
final class ClientMeters {
    private final MeterRegistry registry;
    private final Gauge inFlight;

    ClientMeters(MeterRegistry registry, String clientId, Supplier<Number> inFlight) {
        this.registry = registry;
        this.inFlight =
                Gauge.builder("warren.client.in.flight", inFlight)
                        .description("tasks this client submitted whose reply has not come yet")
                        .baseUnit("tasks")
                        .tag("client", clientId)
                        .strongReference(true)
                        .register(registry);
    }

    void submitted(String type, String queue) {
        Counter.builder("warren.tasks.submitted")
                .description("tasks this client published")
                .tag("type", type)
                .tag("queue", queue)
                .register(registry)
                .increment();
    }

    /** Times {@code reply} from now until it completes, and counts it by reason if it fails. */
    void watch(String type, String queue, CompletableFuture<?> reply) {
        long start = System.nanoTime();
        reply.whenComplete(
                (value, error) -> {
                    Timer.builder("warren.client.round.trip")
                            .description("time from submit until the task's reply came")
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofMinutes(10))
                            .tag("type", type)
                            .tag("queue", queue)
                            .tag("outcome", error == null ? "succeeded" : "failed")
                            .register(registry)
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    if (error != null) {
                        failed(type, queue, error);
                    }
                });
    }

    /** A wait that gave up before the reply came ({@link TaskHandle#await}); the task runs on. */
    void timedOut(String type, String queue) {
        failures(type, queue, "timeout").increment();
    }

    void failed(String type, String queue, Throwable error) {
        failures(type, queue, reason(error)).increment();
    }

    /** The reason tag of a failed task: one place names every kind of failure a client sees. */
    static String reason(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof TaskFailedException) {
            return "failed";
        }
        if (e instanceof TaskRefusedException) {
            return "refused";
        }
        if (e instanceof TaskTimeoutException || e instanceof TimeoutException) {
            return "timeout";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof ClientClosedException) {
            return "closed";
        }
        return "unpublished";
    }

    private Counter failures(String type, String queue, String reason) {
        return Counter.builder("warren.client.failures")
                .description("tasks of this client that ended without a result, by reason")
                .tag("type", type)
                .tag("queue", queue)
                .tag("reason", reason)
                .register(registry);
    }

    void close() {
        registry.remove(inFlight);
    }
}
