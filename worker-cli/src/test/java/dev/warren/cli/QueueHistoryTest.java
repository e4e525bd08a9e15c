package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueHistoryTest {
    private final QueueHistory history = new QueueHistory(4);

    private static Fleet.QueueRow queue(String name, int ready) {
        return new Fleet.QueueRow(name, true, ready, 2, true, 1, 0);
    }

    private static WorkerHeartbeat worker(String id, long sentAt, QueueActivity activity) {
        return new WorkerHeartbeat(
                id,
                "h",
                1,
                List.of("q"),
                2,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                sentAt,
                Duration.ofSeconds(1),
                "dev",
                WorkerHeartbeat.RUNNING,
                Map.of("q", activity));
    }

    private QueueHistory.Sample last(String queue) {
        List<QueueHistory.Sample> samples = history.samples().get(queue);
        return samples.get(samples.size() - 1);
    }

    @Test
    void ratesComeFromEachWorkersCountsBetweenItsBeatsSummed() {
        history.record(
                1000,
                List.of(queue("q", 10)),
                List.of(
                        worker("a", 1000, new QueueActivity(100, 90, 0, 0, 0)),
                        worker("b", 1000, new QueueActivity(0, 0, 0, 0, 0))));
        assertThat(last("q").deliverPerSecond()).as("no rate from a first beat").isZero();

        history.record(
                3000,
                List.of(queue("q", 30)),
                List.of(
                        worker("a", 3000, new QueueActivity(120, 110, 20, 4.0, 9.0)),
                        worker("b", 2000, new QueueActivity(5, 5, 5, 10.0, 30.0))));

        QueueHistory.Sample s = last("q");
        assertThat(s.deliverPerSecond()).isEqualTo(10 + 5);
        assertThat(s.ackPerSecond()).isEqualTo(10 + 5);
        assertThat(s.publishPerSecond())
                .as("ready grew by 10/s while 15/s were delivered")
                .isEqualTo(25);
        assertThat(s.p50Millis()).as("weighted by runs").isEqualTo((4.0 * 20 + 10.0 * 5) / 25);
        assertThat(s.p99Millis()).as("the highest").isEqualTo(30.0);
        assertThat(s.ready()).isEqualTo(30);
        assertThat(s.unacked()).isEqualTo(2);
    }

    @Test
    void aBeatHeardAgainKeepsItsRateAndARestartedCounterGivesNoNegativeRate() {
        history.record(
                0,
                List.of(queue("q", 0)),
                List.of(worker("a", 0, new QueueActivity(0, 0, 0, 0, 0))));
        history.record(
                1000,
                List.of(queue("q", 0)),
                List.of(worker("a", 1000, new QueueActivity(50, 50, 0, 0, 0))));
        history.record(
                2000,
                List.of(queue("q", 0)),
                List.of(worker("a", 1000, new QueueActivity(50, 50, 0, 0, 0))));
        assertThat(last("q").ackPerSecond()).isEqualTo(50);

        history.record(
                3000,
                List.of(queue("q", 0)),
                List.of(worker("a", 3000, new QueueActivity(1, 1, 0, 0, 0))));
        assertThat(last("q").ackPerSecond()).isZero();
        assertThat(last("q").publishPerSecond()).isZero();
    }

    @Test
    void withoutRunsThereIsNoLatencyAndOldSamplesMakeRoom() {
        for (int i = 0; i < 6; i++) {
            history.record(i * 1000L, List.of(queue("q", i)), List.of());
        }
        List<QueueHistory.Sample> samples = history.samples().get("q");
        assertThat(samples).extracting(QueueHistory.Sample::ready).containsExactly(2, 3, 4, 5);
        assertThat(samples.get(3).p50Millis()).isNull();
        assertThat(samples.get(3).p99Millis()).isNull();
    }

    @Test
    void aQueueNoLongerShownIsForgotten() {
        history.record(0, List.of(queue("q", 1), queue("r", 1)), List.of());
        history.record(1000, List.of(queue("r", 1)), List.of());
        assertThat(history.samples()).containsOnlyKeys("r");
    }
}
