package dev.warren.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.RejectReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetMemoryTest {
    private static final long NOW = 1_000_000;
    private static final TakenKey KEY = new TakenKey(1, 2, 1);
    private final FleetMemory memory = new FleetMemory(100, 3, Duration.ofSeconds(3));

    private void heardTaken(String worker, long at, TakenKey key) {
        memory.heard(worker, at, List.of(new LogEntry(LogEntry.Kind.TAKEN, key, NOW)));
    }

    private static void assertRefused(ReplayVerdict verdict, RejectReason reason, String says) {
        assertThat(verdict).isInstanceOf(ReplayVerdict.Refuse.class);
        ReplayVerdict.Refuse refused = (ReplayVerdict.Refuse) verdict;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.detail()).contains(says);
    }

    @Test
    void anAttemptNobodyTookRunsAndIsThenHeldByThisWorker() {
        assertThat(memory.decide(KEY, NOW, false, "w1", NOW))
                .isInstanceOf(ReplayVerdict.Take.class);
        assertRefused(memory.decide(KEY, NOW, false, "w1", NOW), RejectReason.REPLAYED, "w1");
    }

    @Test
    void aCopyOfWhatAnotherWorkerTookIsRefused() {
        heardTaken("w2", NOW, KEY);

        assertRefused(memory.decide(KEY, NOW, false, "w1", NOW), RejectReason.REPLAYED, "w2");
    }

    @Test
    void aRedeliveredCopyOfAFinishedTaskIsRefusedWhateverItsFlag() {
        heardTaken("w2", NOW, KEY);
        memory.heard("w2", NOW, List.of(new LogEntry(LogEntry.Kind.SETTLED, KEY, 0)));

        assertRefused(
                memory.decide(KEY, NOW, true, "w1", NOW + 10_000),
                RejectReason.REPLAYED,
                "already finished");
    }

    @Test
    void aRedeliveredCopyOfWhatThisWorkerStillRunsIsRefused() {
        memory.decide(KEY, NOW, false, "w1", NOW);

        assertRefused(
                memory.decide(KEY, NOW, true, "w1", NOW), RejectReason.REPLAYED, "still running");
    }

    @Test
    void aRedeliveryOfWhatALiveWorkerHoldsWaitsUntilThatWorkerWouldCountAsGone() {
        heardTaken("w2", NOW, KEY);

        ReplayVerdict verdict = memory.decide(KEY, NOW, true, "w1", NOW + 1000);

        assertThat(verdict).isEqualTo(new ReplayVerdict.Wait(NOW + 3000));
    }

    @Test
    void aRedeliveryRunsOnceItsHolderIsSilentForStaleAfter() {
        heardTaken("w2", NOW, KEY);

        assertThat(memory.decide(KEY, NOW, true, "w1", NOW + 3000))
                .isInstanceOf(ReplayVerdict.Take.class);
    }

    @Test
    void aRedeliveryOfWhatItsHolderGaveBackRunsAtOnceButACopyWithoutTheFlagDoesNot() {
        heardTaken("w2", NOW, KEY);
        memory.heard("w2", NOW, List.of(new LogEntry(LogEntry.Kind.RELEASED, KEY, 0)));

        assertRefused(
                memory.decide(KEY, NOW, false, "w1", NOW), RejectReason.REPLAYED, "given back");
        assertThat(memory.decide(KEY, NOW, true, "w1", NOW)).isInstanceOf(ReplayVerdict.Take.class);
    }

    @Test
    void aTaskWhoseTakersAllDiedIsRefusedAtTheDeliveryLimit() {
        long at = NOW;
        for (String worker : List.of("w2", "w3", "w4")) {
            heardTaken(worker, at, KEY);
            at += 5000;
        }

        assertRefused(
                memory.decide(KEY, NOW, true, "w1", at), RejectReason.DELIVERY_LIMIT, "3 times");
    }

    @Test
    void givingBackDoesNotCountTowardsTheDeliveryLimit() {
        long at = NOW;
        for (String worker : List.of("w2", "w3", "w4")) {
            heardTaken(worker, at, KEY);
            memory.heard(worker, at, List.of(new LogEntry(LogEntry.Kind.RELEASED, KEY, 0)));
            at += 5000;
        }

        assertThat(memory.decide(KEY, NOW, true, "w1", at)).isInstanceOf(ReplayVerdict.Take.class);
    }

    @Test
    void anotherAttemptOfTheSameTaskIsANewKey() {
        heardTaken("w2", NOW, KEY);

        assertThat(memory.decide(new TakenKey(1, 2, 2), NOW, false, "w1", NOW))
                .isInstanceOf(ReplayVerdict.Take.class);
    }

    @Test
    void pastItsCapacityTheMemoryRefusesTasksAsOldAsWhatItForgot() {
        FleetMemory small = new FleetMemory(2, 3, Duration.ofSeconds(3));
        small.decide(new TakenKey(0, 1, 1), NOW, false, "w1", NOW);
        small.decide(new TakenKey(0, 2, 1), NOW + 1, false, "w1", NOW);
        small.decide(new TakenKey(0, 3, 1), NOW + 2, false, "w1", NOW);

        assertThat(small.size()).isEqualTo(2);
        assertRefused(
                small.decide(new TakenKey(0, 1, 1), NOW, false, "w1", NOW),
                RejectReason.EXPIRED,
                "replayMemory");
        assertThat(small.decide(new TakenKey(0, 4, 1), NOW + 3, false, "w1", NOW))
                .isInstanceOf(ReplayVerdict.Take.class);
    }
}
