package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActivityByQueueTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ActivityByQueue activity = new ActivityByQueue();

    @Test
    void theMedianAndThe99thPercentileAreNearestRanks() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(ActivityByQueue.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(ActivityByQueue.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(ActivityByQueue.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(ActivityByQueue.percentile(new long[0], 0.5)).isZero();
    }

    @Test
    void eachQueueReportsItsTotalsAndTheRunTimesOfTheLastTenSeconds() {
        activity.delivered("a");
        activity.delivered("a");
        activity.finished("a");
        activity.delivered("b");
        activity.ran("a", TimeUnit.SECONDS.toNanos(30), 0);
        for (int ms = 1; ms <= 100; ms++) {
            activity.ran("a", TimeUnit.MILLISECONDS.toNanos(ms), 5 * SECOND);
        }

        assertThat(activity.snapshot(12 * SECOND).get("a"))
                .as("the 30 s run ended 12 s ago: out of the window")
                .isEqualTo(new QueueActivity(2, 1, 100, 50.0, 99.0));
        assertThat(activity.snapshot(16 * SECOND).get("a"))
                .as("run times age out, totals do not")
                .isEqualTo(new QueueActivity(2, 1, 0, 0, 0));
        assertThat(activity.snapshot(16 * SECOND).get("b").delivered()).isEqualTo(1);
    }

    @Test
    void aBusyQueueKeepsOnlyItsLatestRunTimes() {
        for (int i = 0; i < ActivityByQueue.KEPT_RUNS; i++) {
            activity.ran("q", TimeUnit.SECONDS.toNanos(10), SECOND);
        }
        for (int i = 0; i < ActivityByQueue.KEPT_RUNS; i++) {
            activity.ran("q", TimeUnit.MILLISECONDS.toNanos(2), SECOND);
        }

        QueueActivity q = activity.snapshot(2 * SECOND).get("q");

        assertThat(q.runs()).isEqualTo(ActivityByQueue.KEPT_RUNS);
        assertThat(q.runP99Millis()).isEqualTo(2.0);
    }
}
