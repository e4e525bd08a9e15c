package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

class NewestSnapshotTest {
    private final NewestSnapshot newest = new NewestSnapshot();

    private static MapWire.Snapshot version(long v) {
        return new MapWire.Snapshot(v, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    @Test
    void theFirstSnapshotMetIsHeld() {
        assertThat(newest.offer(version(3))).isTrue();
        assertThat(newest.held().version()).isEqualTo(3);
    }

    @Test
    void aNewerSnapshotSupersedesThePreviousStateAheadOfIt() {
        newest.offer(version(3));

        assertThat(newest.offer(version(4))).isTrue();
        assertThat(newest.held().version()).isEqualTo(4);
    }

    @Test
    void anOlderSnapshotBehindANewerOneIsStaleAndNeverHeld() {
        newest.offer(version(9));

        assertThat(newest.offer(version(2))).isFalse();
        assertThat(newest.held().version()).isEqualTo(9);
    }

    @Test
    void aCopyOfTheHeldVersionIsStaleToo() {
        newest.offer(version(9));

        assertThat(newest.offer(version(9))).isFalse();
    }

    @Test
    void nothingMetMeansNothingHeld() {
        assertThat(newest.held()).isNull();
    }
}
