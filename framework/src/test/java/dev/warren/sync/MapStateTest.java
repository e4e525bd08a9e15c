package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.codec.KryoCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapStateTest {
    private static MapWire.Request put(String client, long seq, String key, Object value) {
        return new MapWire.Request(client, seq, MapWire.PUT, key, value, 0);
    }

    private static MapWire.Request cas(
            String client, long seq, String key, Object value, long expected) {
        return new MapWire.Request(client, seq, MapWire.COMPARE_AND_SET, key, value, expected);
    }

    @Test
    void aRedeliveredChangeIsAnsweredFromTheCacheNotAppliedTwice() {
        MapState state = MapState.empty();
        MapState.Outcome first = state.apply(cas("a", 1, "n", 1, 0), 0);
        MapState.Outcome again = state.apply(cas("a", 1, "n", 1, 0), 0);

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.reply()).isEqualTo(first.reply());
        assertThat(state.valueOf("n")).isEqualTo(1);
    }

    @Test
    void aRequestOlderThanTheClientsLastChangeIsRefusedNotApplied() {
        MapState state = MapState.empty();
        state.apply(put("a", 1, "n", 1), 0);
        state.apply(put("a", 2, "n", 2), 0);

        MapState.Outcome stale = state.apply(put("a", 1, "n", 1), 0);

        assertThat(stale.changed()).isFalse();
        assertThat(stale.reply().ok()).isFalse();
        assertThat(state.valueOf("n")).isEqualTo(2);
    }

    @Test
    void compareAndSetFailsOnAStaleVersionAndReturnsTheCurrentValue() {
        MapState state = MapState.empty();
        long v1 = state.apply(put("a", 1, "n", 1), 0).reply().version();
        state.apply(put("b", 1, "n", 2), 0);

        MapWire.Reply stale = state.apply(cas("a", 2, "n", 10, v1), 0).reply();

        assertThat(stale.ok()).isFalse();
        assertThat(stale.value()).isEqualTo(2);
        assertThat(stale.version()).isGreaterThan(v1);
        assertThat(state.apply(cas("a", 3, "n", 10, stale.version()), 0).reply().ok()).isTrue();
    }

    @Test
    void aKeyRemovedAndAddedAgainGetsANewVersionSoOldReadsCannotWin() {
        MapState state = MapState.empty();
        long first = state.apply(put("a", 1, "k", "x"), 0).reply().version();
        state.apply(new MapWire.Request("a", 2, MapWire.REMOVE, "k", null, 0), 0);
        long second = state.apply(put("a", 3, "k", "x"), 0).reply().version();

        assertThat(second).isGreaterThan(first);
        assertThat(state.apply(cas("b", 1, "k", "y", first), 0).reply().ok()).isFalse();
    }

    @Test
    void readsNeitherChangeTheStateNorTheDedupTable() {
        MapState state = MapState.empty();
        MapState.Outcome get =
                state.apply(new MapWire.Request("a", 1, MapWire.GET, "k", null, 0), 0);

        assertThat(get.changed()).isFalse();
        assertThat(state.checkpoint(1, 0, Long.MAX_VALUE).clients()).isEmpty();
        assertThat(state.version()).isZero();
    }

    @Test
    void clientsSilentLongerThanTheExpiryAreForgotten() {
        MapState state = MapState.empty();
        state.apply(put("old", 1, "k", 1), 1_000);
        state.apply(put("new", 1, "k", 2), 90_000);

        MapWire.Checkpoint checkpoint = state.checkpoint(1, 100_000, 50_000);

        assertThat(checkpoint.clients()).containsOnlyKeys("new");
    }

    @Test
    void aCheckpointSurvivesKryoAndRestoresTheSameState() {
        KryoCodec codec = KryoCodec.of(MapWire.types(), Map.of(), 1 << 20);
        MapState state = MapState.empty();
        state.apply(put("a", 1, "k", 41), 0);
        MapWire.Checkpoint checkpoint = state.checkpoint(1, 0, Long.MAX_VALUE);

        MapWire.Checkpoint back = (MapWire.Checkpoint) codec.decode(codec.encode(checkpoint));
        MapState restored = MapState.of(back);

        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.valueOf("k")).isEqualTo(41);
        assertThat(restored.apply(put("a", 1, "k", 99), 0).changed()).isFalse();
    }

    @Test
    void changeRecordsReplayedOnACheckpointRebuildTheStateAndItsDedupTable() {
        MapState owner = MapState.empty();
        MapWire.Checkpoint start = owner.checkpoint(1, 0, Long.MAX_VALUE);
        MapState replayed = MapState.of(start);
        MapState.Outcome put = owner.apply(put("a", 1, "k", 1), 0);
        replayed.replay(owner.change(1, "a", put));
        MapState.Outcome removed =
                owner.apply(new MapWire.Request("a", 2, MapWire.REMOVE, "k", null, 0), 0);
        replayed.replay(owner.change(1, "a", removed));
        MapState.Outcome again = owner.apply(put("b", 1, "j", 7), 0);
        replayed.replay(owner.change(1, "b", again));

        assertThat(replayed.version()).isEqualTo(owner.version()).isEqualTo(3);
        assertThat(replayed.valueOf("k")).isNull();
        assertThat(replayed.valueOf("j")).isEqualTo(7);
        assertThat(replayed.apply(put("b", 1, "j", 8), 0).changed()).isFalse();
        assertThat(replayed.apply(cas("c", 1, "j", 9, 3), 0).changed()).isTrue();
    }

    @Test
    void aChangeThatDoesNotFollowTheStateIsRefused() {
        MapState owner = MapState.empty();
        owner.apply(put("a", 1, "k", 1), 0);
        MapState.Outcome second = owner.apply(put("a", 2, "k", 2), 0);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MapState.empty().replay(owner.change(1, "a", second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change v2 does not follow state v0");
    }

    @Test
    void anOutcomeSaysWhatTheKeyHeldBeforeAndAfter() {
        MapState state = MapState.empty();
        MapState.Outcome added = state.apply(put("a", 1, "k", 1), 0);
        MapState.Outcome updated = state.apply(put("a", 2, "k", 2), 0);

        assertThat(added.previous()).isNull();
        assertThat(added.value()).isEqualTo(1);
        assertThat(updated.previous()).isEqualTo(1);
        assertThat(updated.value()).isEqualTo(2);
    }
}
