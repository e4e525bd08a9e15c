package dev.warren.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatTest {
    private static WorkerHeartbeat beat(Map<String, QueueActivity> activity) {
        return new WorkerHeartbeat(
                "w1",
                "h",
                7,
                List.of("a", "b"),
                2,
                10,
                1,
                2,
                0,
                1,
                3,
                1000,
                5000,
                Duration.ofSeconds(5),
                "1.0",
                WorkerHeartbeat.RUNNING,
                activity);
    }

    @Test
    void perQueueActivityTravelsInTheWireForm() {
        WorkerHeartbeat sent =
                beat(
                        Map.of(
                                "a", new QueueActivity(12, 11, 4, 1.5, 20.25),
                                "b", new QueueActivity(0, 0, 0, 0, 0)));

        WorkerHeartbeat read = WorkerHeartbeat.fromMap(sent.toMap());

        assertThat(read).isEqualTo(sent);
        assertThat(sent.toMap()).containsEntry("activity.a", "12 11 4 1.5 20.25");
    }

    @Test
    void aBeatFromAnOlderWorkerHasNoActivityAndAMalformedEntryIsLeftOut() {
        LinkedHashMap<String, String> wire = beat(Map.of()).toMap();
        assertThat(WorkerHeartbeat.fromMap(wire).activity()).isEmpty();

        wire.put("activity.a", "12 eleven 4 1.5 20");
        wire.put("activity.b", "1 1 1 2.0 3.0");
        WorkerHeartbeat read = WorkerHeartbeat.fromMap(wire);

        assertThat(read.activity()).containsOnlyKeys("b");
        assertThat(read.succeeded()).isEqualTo(10);
    }
}
