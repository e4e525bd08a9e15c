package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a map large enough that each owner leaves change records after its last checkpoint, every next
 * owner replays them: a counter incremented by three processes while three owners in a row are
 * SIGKILLed ends exact, and the other entries are intact.
 */
@WarrenTest
class SharedMapLogIT {
    private static final int ENTRIES = 1_000;

    @Test
    void countersEndExactWhileOwnersAreKilledOneAfterAnother(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-map-log-kill");
        List<JvmProcess> children = new ArrayList<>();
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, coordinator)) {
            try {
                for (int i = 0; i < ENTRIES; i++) {
                    map.put("filler-" + i, i);
                }
                map.close(); // the owners below take over, in the order they start
                List<JvmProcess> owners = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    JvmProcess owner = SyncChild.launch(broker, "map-stand", name, "n");
                    owner.awaitLine(i == 0 ? "OWNER" : "STANDBY", Duration.ofSeconds(30));
                    owners.add(owner);
                    children.add(owner);
                }
                for (int i = 0; i < 3; i++) {
                    children.add(SyncChild.launch(broker, "map-increment", name, "n", "200"));
                }
                try (Coordinator reader = Coordinator.connect(broker.config().build());
                        SharedMap<String, Integer> read =
                                SharedMap.named(name, String.class, Integer.class, reader)) {
                    List<Integer> killedAt = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        int at = 120 * (k + 1);
                        await().atMost(Duration.ofSeconds(60))
                                .pollInterval(Duration.ofMillis(20))
                                .until(() -> read.get("n").orElse(0) >= at);
                        owners.get(k).kill();
                        killedAt.add(read.get("n").orElse(0));
                    }
                    for (JvmProcess child : children.subList(3, 6)) {
                        assertThat(child.awaitExit(Duration.ofSeconds(120)))
                                .as(child.outputText())
                                .isZero();
                    }
                    System.out.printf(
                            "shared map log (%,d entries): owners SIGKILLed at %s of 600; final"
                                    + " %s%n",
                            ENTRIES, killedAt, read.get("n"));
                    assertThat(read.get("n")).contains(600);
                    assertThat(read.snapshot()).hasSize(ENTRIES + 1);
                    assertThat(read.get("filler-" + (ENTRIES - 1))).contains(ENTRIES - 1);
                    assertThat(reader.droppedCount()).isZero();
                    read.delete();
                }
            } finally {
                children.forEach(JvmProcess::close);
            }
        }
    }
}
