package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
    @Test
    void aStuckTaskHasTwoSecondsOfGraceAndAsManyMayBeStuckAsTasksRunAtOnce() {
        WorkerConfig config = WorkerConfig.custom().queues("q").concurrency(3).build();

        assertThat(config.timeoutGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxStuckTasks()).isEqualTo(3);
    }

    @Test
    void theDefaultConcurrencyIsOnePerCpu() {
        assertThat(WorkerConfig.custom().queues("q").build().concurrency())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void graceAndStuckLimitCanBeSet() {
        WorkerConfig config =
                WorkerConfig.custom()
                        .queues("q")
                        .timeoutGrace(Duration.ZERO)
                        .maxStuckTasks(0)
                        .build();

        assertThat(config.timeoutGrace()).isZero();
        assertThat(config.maxStuckTasks()).isZero();
    }

    @Test
    void aNegativeGraceOrStuckLimitIsNamed() {
        assertThatThrownBy(() -> WorkerConfig.custom().timeoutGrace(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("timeoutGrace must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> WorkerConfig.custom().maxStuckTasks(-1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("maxStuckTasks must not be negative, was -1");
    }
}
