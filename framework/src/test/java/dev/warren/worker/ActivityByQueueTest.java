package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.ops.QueueActivity;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActivityByQueueTest {
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
    void eachQueueReportsItsTotalsAndTheRunTimesSinceTheLastBeat() {
        activity.delivered("a");
        activity.delivered("a");
        activity.finished("a");
        activity.delivered("b");
        for (int ms = 1; ms <= 100; ms++) {
            activity.ran("a", TimeUnit.MILLISECONDS.toNanos(ms));
        }

        QueueActivity a = activity.drain().get("a");

        assertThat(a).isEqualTo(new QueueActivity(2, 1, 100, 50.0, 99.0));
        assertThat(activity.drain().get("a"))
                .as("run times start afresh, totals do not")
                .isEqualTo(new QueueActivity(2, 1, 0, 0, 0));
        assertThat(activity.drain().get("b").delivered()).isEqualTo(1);
    }

    @Test
    void aBusyQueueKeepsOnlyItsLatestRunTimes() {
        for (int i = 0; i < ActivityByQueue.KEPT_RUNS; i++) {
            activity.ran("q", TimeUnit.SECONDS.toNanos(10));
        }
        for (int i = 0; i < ActivityByQueue.KEPT_RUNS; i++) {
            activity.ran("q", TimeUnit.MILLISECONDS.toNanos(2));
        }

        QueueActivity q = activity.drain().get("q");

        assertThat(q.runs()).isEqualTo(2L * ActivityByQueue.KEPT_RUNS);
        assertThat(q.runP99Millis()).isEqualTo(2.0);
    }
}
