package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.sync.LogReplay.Fate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReplayTest {
    private final List<LogReplay.Found<Integer>> log = new ArrayList<>();

    private void found(int queue, MapWire.LogRecord record) {
        log.add(new LogReplay.Found<>(record, queue, log.size()));
    }

    private static MapWire.Checkpoint checkpoint(long epoch, long version, String key, int value) {
        HashMap<Object, Object> values = new HashMap<>();
        HashMap<Object, Long> versions = new HashMap<>();
        if (key != null) {
            values.put(key, value);
            versions.put(key, version);
        }
        return new MapWire.Checkpoint(epoch, version, values, versions, new HashMap<>());
    }

    private static MapWire.Change put(long epoch, long version, String key, Object value) {
        return new MapWire.Change(epoch, version, key, value, "client-" + epoch, null);
    }

    private LogReplay.Result<Integer> replay() {
        return LogReplay.replay(log);
    }

    private List<Fate> fates(LogReplay.Result<Integer> result) {
        return result.judged().stream().map(LogReplay.Judged::fate).toList();
    }

    @Test
    void anEmptyLogIsAnEmptyMapAtVersionZeroWithNoEpochYet() {
        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().version()).isZero();
        assertThat(result.lastEpoch()).isZero();
        assertThat(result.baseQueue()).isEqualTo(-1);
    }

    @Test
    void theChangesAfterTheCheckpointAreReplayedInVersionOrderWhateverTheQueueOrder() {
        found(1, checkpoint(1, 4, "n", 4));
        found(1, put(1, 6, "n", 6));
        found(1, put(1, 5, "n", 5));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(6);
        assertThat(result.state().version()).isEqualTo(6);
        assertThat(result.baseQueue()).isEqualTo(1);
        assertThat(result.lastChange().change().version()).isEqualTo(6);
        assertThat(result.lastChange().previous()).isEqualTo(5);
        assertThat(fates(result)).containsExactly(Fate.BASE, Fate.REPLAYED, Fate.REPLAYED);
    }

    @Test
    void theNewestCheckpointWinsAndWhatIsInTheOtherQueueIsObsolete() {
        found(0, checkpoint(1, 0, null, 0));
        found(0, put(1, 1, "n", 1));
        found(0, put(1, 2, "n", 2));
        found(1, checkpoint(1, 2, "n", 2));
        found(1, put(1, 3, "n", 3));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(3);
        assertThat(fates(result))
                .containsExactly(
                        Fate.OBSOLETE, Fate.OBSOLETE, Fate.OBSOLETE, Fate.BASE, Fate.REPLAYED);
    }

    @Test
    void aDeposedOwnersLateWriteLosesToTheOwnerThatTookOver() {
        found(0, checkpoint(1, 3, "n", 3));
        found(0, new MapWire.EpochStart(2, 3));
        found(0, put(2, 4, "n", "new"));
        found(0, put(1, 4, "n", "late")); // epoch 1's owner, frozen, wrote after epoch 2 began

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo("new");
        assertThat(result.lastEpoch()).isEqualTo(2);
        assertThat(fates(result))
                .containsExactly(Fate.BASE, Fate.KEPT, Fate.REPLAYED, Fate.STALE_EPOCH);
    }

    @Test
    void aDeposedOwnersLateWriteLosesEvenWhenTheNewOwnerWroteNothingYet() {
        found(0, checkpoint(1, 3, "n", 3));
        found(0, new MapWire.EpochStart(2, 3));
        found(0, put(1, 4, "n", "late"));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(3);
        assertThat(fates(result)).containsExactly(Fate.BASE, Fate.KEPT, Fate.STALE_EPOCH);
    }

    @Test
    void anOlderEpochsChangesUpToWhereTheNextEpochBeganAreHistoryNotStale() {
        found(0, checkpoint(1, 0, null, 0));
        found(0, put(1, 1, "n", 1));
        found(0, new MapWire.EpochStart(2, 1));
        found(0, put(2, 2, "n", 2));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(2);
        assertThat(fates(result))
                .containsExactly(Fate.BASE, Fate.REPLAYED, Fate.KEPT, Fate.REPLAYED);
    }

    @Test
    void aCheckpointADeposedOwnerWroteLateIsNotLoaded() {
        found(0, checkpoint(1, 3, "n", 3));
        found(0, new MapWire.EpochStart(2, 3));
        found(1, checkpoint(1, 5, "n", 5));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().version()).isEqualTo(3);
        assertThat(result.baseQueue()).isZero();
        assertThat(fates(result)).containsExactly(Fate.BASE, Fate.KEPT, Fate.STALE_EPOCH);
    }

    @Test
    void copiesOfOlderOrReplayedRecordsAreCountedAndNeverApplied() {
        found(0, checkpoint(1, 2, "n", 2));
        found(0, put(1, 2, "n", 2)); // older than the checkpoint, yet in its queue
        found(0, put(1, 3, "n", 3));
        found(0, put(1, 3, "n", 3)); // the same record twice

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(3);
        assertThat(fates(result)).containsExactly(Fate.BASE, Fate.COPY, Fate.REPLAYED, Fate.COPY);
    }

    @Test
    void changesBehindAMissingVersionAreNotApplied() {
        found(0, checkpoint(1, 2, "n", 2));
        found(0, put(1, 3, "n", 3));
        found(0, put(1, 5, "n", 5));

        LogReplay.Result<Integer> result = replay();

        assertThat(result.state().valueOf("n")).isEqualTo(3);
        assertThat(fates(result)).containsExactly(Fate.BASE, Fate.REPLAYED, Fate.AFTER_GAP);
    }

    @Test
    void onlyRefusalsAnHonestOwnerNeverLeavesAreCounted() {
        assertThat(Fate.values())
                .filteredOn(Fate::counted)
                .containsExactly(Fate.STALE_EPOCH, Fate.COPY, Fate.AFTER_GAP);
        assertThat(Fate.values())
                .filteredOn(Fate::stays)
                .containsExactly(Fate.BASE, Fate.REPLAYED, Fate.KEPT);
    }
}
