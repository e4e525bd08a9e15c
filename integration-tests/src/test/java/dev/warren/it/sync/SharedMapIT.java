package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import dev.warren.sync.Versioned;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WarrenTest
class SharedMapIT {

    @Test
    void fourProcessesComputingTwoHundredFiftyIncrementsEachEndAtExactlyOneThousand(
            TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-map-4");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, coordinator)) {
            List<JvmProcess> children = new ArrayList<>();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 4; i++) {
                    children.add(SyncChild.launch(broker, "map-increment", name, "n", "250"));
                }
                for (JvmProcess child : children) {
                    assertThat(child.awaitExit(Duration.ofSeconds(90)))
                            .as(child.outputText())
                            .isZero();
                }
                System.out.printf(
                        "shared map: 4 processes x 250 compute() in %d ms (JVM start included)%n",
                        (System.nanoTime() - start) / 1_000_000);
                assertThat(map.get("n")).contains(1000);
            } finally {
                children.forEach(JvmProcess::close);
                map.delete();
            }
        }
    }

    @Test
    void theCountIsExactEvenWhenTheOwningProcessesAreKilledMidway(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-map-kill");
        List<JvmProcess> children = new ArrayList<>();
        try (JvmProcess firstOwner = SyncChild.launch(broker, "map-stand", name, "n");
                JvmProcess secondOwner = startAfter(firstOwner, broker, name)) {
            assertThat(firstOwner.awaitLine("", Duration.ofSeconds(1))).isEqualTo("OWNER");
            assertThat(secondOwner.awaitLine("STANDBY", Duration.ofSeconds(30))).isEmpty();
            for (int i = 0; i < 4; i++) {
                children.add(SyncChild.launch(broker, "map-increment", name, "n", "250"));
            }
            try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                    SharedMap<String, Integer> map =
                            SharedMap.named(name, String.class, Integer.class, coordinator)) {
                try {
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> map.get("n").orElse(0) >= 250);
                    firstOwner.kill();
                    int atKill = map.get("n").orElse(0);
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> map.get("n").orElse(0) >= 600);
                    secondOwner.kill();
                    int atSecondKill = map.get("n").orElse(0);
                    for (JvmProcess child : children) {
                        assertThat(child.awaitExit(Duration.ofSeconds(90)))
                                .as(child.outputText())
                                .isZero();
                    }
                    System.out.printf(
                            "shared map: owners killed at %d and %d of 1000; final %s%n",
                            atKill, atSecondKill, map.get("n"));
                    assertThat(map.get("n")).contains(1000);
                } finally {
                    map.delete();
                }
            }
        } finally {
            children.forEach(JvmProcess::close);
        }
    }

    @Test
    void compareAndSetRefusesAStaleVersionAndTheStateOutlivesEveryClient(TestBroker broker) {
        String name = broker.uniqueName("it-map-cas");
        try (Coordinator a = Coordinator.connect(broker.config().build())) {
            try (SharedMap<String, String> map =
                    SharedMap.named(name, String.class, String.class, a)) {
                assertThat(map.compareAndSet("k", 0, "first")).isTrue();
                Versioned<String> seen = map.getVersioned("k");
                assertThat(map.put("k", "second")).contains("first");
                assertThat(map.compareAndSet("k", seen.version(), "stale")).isFalse();
                assertThat(map.compute("k", v -> v + "+")).isEqualTo("second+");
                assertThat(map.remove("k")).contains("second+");
                map.put("other", "x");
            }
            // every instance closed: the state waits in its durable queue for the next one
            try (SharedMap<String, String> again =
                    SharedMap.named(name, String.class, String.class, a)) {
                assertThat(again.snapshot()).isEqualTo(Map.of("other", "x"));
                assertThat(again.isOwner()).isTrue();
                again.delete();
            }
        }
    }

    private static JvmProcess startAfter(JvmProcess first, TestBroker broker, String name)
            throws Exception {
        first.awaitLine("OWNER", Duration.ofSeconds(30));
        return SyncChild.launch(broker, "map-stand", name, "n");
    }

    enum Shade {
        LIGHT,
        DARK
    }

    record Tile(int x, int y, Shade shade, Instant laid, List<String> tags) {}

    @Test
    void recordValuesTravelBetweenProcessesWithoutRegistration(TestBroker broker) {
        String name = broker.uniqueName("it-map-records");
        Tile tile = new Tile(3, 4, Shade.DARK, Instant.parse("2026-12-02T07:00:00Z"), List.of("a"));
        try (Coordinator writer = Coordinator.connect(broker.config().build());
                Coordinator reader = Coordinator.connect(broker.config().build());
                SharedMap<String, Tile> written =
                        SharedMap.named(name, String.class, Tile.class, writer);
                SharedMap<String, Tile> read =
                        SharedMap.named(name, String.class, Tile.class, reader)) {
            try {
                written.put("corner", tile);
                await().atMost(Duration.ofSeconds(20)).until(() -> read.get("corner").isPresent());
                assertThat(read.get("corner")).contains(tile);
            } finally {
                written.delete();
            }
        }
    }
}
