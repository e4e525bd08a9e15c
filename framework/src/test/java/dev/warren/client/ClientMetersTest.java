package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.DistributionConfigs;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DistributionConfigs distributions = DistributionConfigs.watch(registry);
    private final AtomicInteger inFlight = new AtomicInteger(3);
    private final ClientMeters meters = new ClientMeters(registry, "c1", inFlight::get);

    private static TaskFailedException remoteFailure() {
        return new TaskFailedException(
                TaskId.random(), "T", "java.io.IOException", "disk full", "", 1, 1);
    }

    @Test
    void everyMeterAClientRegistersHasAHelpText() {
        meters.submitted("T", "q");
        CompletableFuture<Object> ok = new CompletableFuture<>();
        CompletableFuture<Object> bad = new CompletableFuture<>();
        meters.watch("T", "q", ok);
        meters.watch("T", "q", bad);
        ok.complete("fine");
        bad.completeExceptionally(remoteFailure());

        assertThat(registry.getMeters()).hasSize(5);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
        }
        assertThat(registry.get("warren.client.in.flight").gauge().getId().getBaseUnit())
                .isEqualTo("tasks");
    }

    @Test
    void theRoundTripIsTimedByOutcomeWithHistogramBuckets() {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        meters.watch("T", "q", reply);
        assertThat(registry.find("warren.client.round.trip").timer()).isNull();

        reply.complete(42);

        var timer = registry.get("warren.client.round.trip").tag("outcome", "succeeded").timer();
        assertThat(timer.count()).isEqualTo(1);
        var config = distributions.of("warren.client.round.trip");
        assertThat(config.isPercentileHistogram()).isTrue();
        assertThat(config.getMinimumExpectedValueAsDouble())
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(config.getMaximumExpectedValueAsDouble())
                .isEqualTo(TimeUnit.MINUTES.toNanos(10));
    }

    @Test
    void failuresAreCountedByTheirReason() {
        watchFailing(remoteFailure());
        watchFailing(new CompletionException(remoteFailure()));
        watchFailing(new CancellationException());
        watchFailing(new TimeoutException());
        watchFailing(new ClientClosedException("c1"));
        watchFailing(
                new TaskRefusedException(
                        TaskId.random(),
                        "T",
                        TaskRefusedException.Reason.EXPIRED,
                        "host:1",
                        true,
                        List.of("k1"),
                        null));
        watchFailing(new WarrenException("broker said no"));
        meters.timedOut("T", "q");

        assertThat(failures("failed")).isEqualTo(2);
        assertThat(failures("cancelled")).isEqualTo(1);
        assertThat(failures("timeout")).isEqualTo(2);
        assertThat(failures("closed")).isEqualTo(1);
        assertThat(failures("refused")).isEqualTo(1);
        assertThat(failures("unpublished")).isEqualTo(1);
        assertThat(
                        registry.get("warren.client.round.trip")
                                .tag("outcome", "failed")
                                .timer()
                                .count())
                .isEqualTo(7);
    }

    @Test
    void aTimedOutAwaitIsCountedAsATimeout() {
        TaskHandle<Object> handle =
                new TaskHandle<>(
                        TaskId.random(),
                        "T",
                        new CompletableFuture<>(),
                        waited -> {
                            meters.timedOut("T", "q");
                            return new TaskTimeoutException(TaskId.random(), "T", waited);
                        });
        try {
            handle.await(Duration.ofMillis(1));
        } catch (TaskTimeoutException expected) {
            // counted
        }
        assertThat(failures("timeout")).isEqualTo(1);
    }

    @Test
    void theInFlightGaugeReadsTheClientAndGoesWhenItCloses() {
        assertThat(registry.get("warren.client.in.flight").tag("client", "c1").gauge().value())
                .isEqualTo(3.0);
        inFlight.set(5);
        assertThat(registry.get("warren.client.in.flight").gauge().value()).isEqualTo(5.0);

        meters.close();

        assertThat(registry.find("warren.client.in.flight").gauge()).isNull();
    }

    private void watchFailing(Throwable error) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        meters.watch("T", "q", reply);
        reply.completeExceptionally(error);
    }

    private double failures(String reason) {
        var counter = registry.find("warren.client.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
