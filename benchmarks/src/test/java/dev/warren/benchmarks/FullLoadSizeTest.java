package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FullLoadSizeTest {
    private static final long GIB = 1L << 30;

    @Test
    void smallTasksRunTheGivenCountAndWindow() {
        assertThat(FullLoadSize.tasks(60_000, GIB, 100)).isEqualTo(60_000);
        assertThat(FullLoadSize.window(1_000, 100)).isEqualTo(1_000);
    }

    @Test
    void bigTasksAreCappedByBytesPerRunAndBy64MiBInFlight() {
        assertThat(FullLoadSize.tasks(60_000, GIB, 1 << 20)).isEqualTo(1_024);
        assertThat(FullLoadSize.window(1_000, 1 << 20)).isEqualTo(64);
    }

    @Test
    void everyRunSendsAtLeast20TasksWithAtLeast4InFlight() {
        assertThat(FullLoadSize.tasks(60_000, 1_000, 1 << 20)).isEqualTo(20);
        assertThat(FullLoadSize.window(1_000, 100 << 20)).isEqualTo(4);
    }

    @Test
    void anEmptyPayloadCountsAsOneByte() {
        assertThat(FullLoadSize.tasks(60_000, GIB, 0)).isEqualTo(60_000);
        assertThat(FullLoadSize.window(1_000, 0)).isEqualTo(1_000);
    }

    @Test
    void theWarmUpIsTheRunItselfUpTo20000Tasks() {
        assertThat(FullLoadSize.warmUpTasks(1_000)).isEqualTo(1_000);
        assertThat(FullLoadSize.warmUpTasks(60_000)).isEqualTo(20_000);
        assertThat(FullLoadSize.warmUpTasks(5)).isEqualTo(10);
    }
}
