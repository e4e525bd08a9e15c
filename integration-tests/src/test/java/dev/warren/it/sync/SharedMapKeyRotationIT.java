package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import org.junit.jupiter.api.Test;

/**
 * A map's checkpoint can be older than any recent change: a new owner that finds it signed under a
 * key that is no longer the current one signs the whole state again, so the old key can be retired.
 */
@WarrenTest
class SharedMapKeyRotationIT {
    private static WarrenConfig keys(TestBroker broker, String text) {
        return broker.config().signingKeys(SigningKeys.parse(text, "rotation test keys")).build();
    }

    @Test
    void afterOneChangeOfOwnerUnderTheNewKeyTheOldKeyCanBeRetired(TestBroker broker) {
        String name = broker.uniqueName("it-map-rotate");
        String old = broker.keysText();
        String fresh = SigningKeys.generate("rotated");
        try (Coordinator before = Coordinator.connect(keys(broker, old));
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, before)) {
            for (int i = 0; i < 20; i++) {
                map.put("k" + i, i);
            }
        }
        try (Coordinator during = Coordinator.connect(keys(broker, fresh + "\n" + old));
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, during)) {
            assertThat(map.get("k19")).contains(19);
        }
        try (Coordinator after = Coordinator.connect(keys(broker, fresh));
                SharedMap<String, Integer> map =
                        SharedMap.named(name, String.class, Integer.class, after)) {
            try {
                assertThat(map.snapshot()).hasSize(20);
                assertThat(after.droppedCount()).isZero();
            } finally {
                map.delete();
            }
        }
    }
}
