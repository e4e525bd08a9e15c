package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryOrderTest {
    private final EntryOrder order = new EntryOrder();

    @Test
    void theFirstEventIsDeliveredWhateverItsVersion() {
        assertThat(order.offer(41)).isEqualTo(EntryOrder.Verdict.DELIVER);
    }

    @Test
    void aNewOwnersAnnouncementOfTheLastChangeAgainIsARepeat() {
        order.offer(5);
        order.offer(6);

        assertThat(order.offer(6)).isEqualTo(EntryOrder.Verdict.REPEAT);
        assertThat(order.offer(4)).isEqualTo(EntryOrder.Verdict.REPEAT);
        assertThat(order.offer(7)).isEqualTo(EntryOrder.Verdict.DELIVER);
    }

    @Test
    void aVersionJumpMeansChangesWereMissed() {
        order.offer(5);

        assertThat(order.offer(9)).isEqualTo(EntryOrder.Verdict.DELIVER_AFTER_MISSED);
        assertThat(order.last()).isEqualTo(9);
    }

    @Test
    void anEventSaysWhetherItsKeyWasAddedUpdatedOrRemoved() {
        assertThat(EntryEvent.Kind.of(null, 1)).isEqualTo(EntryEvent.Kind.ADDED);
        assertThat(EntryEvent.Kind.of(1, 2)).isEqualTo(EntryEvent.Kind.UPDATED);
        assertThat(EntryEvent.Kind.of(2, null)).isEqualTo(EntryEvent.Kind.REMOVED);
    }
}
