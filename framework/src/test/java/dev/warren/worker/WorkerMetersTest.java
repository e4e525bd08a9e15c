package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.DistributionConfigs;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DistributionConfigs distributions = DistributionConfigs.watch(registry);
    private final WorkerMeters meters = new WorkerMeters(registry);

    private void registerEveryMeter() {
        meters.stuckThreads(new AtomicInteger());
        meters.started("T", "q", 5);
        meters.ran("T", "q", TimeUnit.MILLISECONDS.toNanos(3), true);
        meters.succeeded("T", "q");
        meters.failed("T", "q");
        meters.retried("T", "q");
        meters.deadLettered("T", "q", "FAILED");
    }

    @Test
    void everyMeterAWorkerRegistersHasAHelpText() {
        registerEveryMeter();

        assertThat(registry.getMeters()).hasSize(8);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
        }
    }

    @Test
    void latencyTimersPublishHistogramBucketsFromAMillisecondToTenMinutes() {
        registerEveryMeter();

        for (String name : new String[] {"warren.tasks.run", "warren.tasks.queue.wait"}) {
            DistributionStatisticConfig config = distributions.of(name);
            assertThat(config.isPercentileHistogram()).as(name).isTrue();
            assertThat(config.getMinimumExpectedValueAsDouble())
                    .as(name)
                    .isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
            assertThat(config.getMaximumExpectedValueAsDouble())
                    .as(name)
                    .isEqualTo(TimeUnit.MINUTES.toNanos(10));
        }
    }
}
