package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import org.junit.jupiter.api.Test;

class QueueMessagesTest {
    private static final QueueAddresses JOBS = QueueAddresses.of("", "jobs");
    private static final QueueAddresses OTHER = QueueAddresses.of("", "other");

    private final MessageSealer sealer = TestSealers.withSecret(1);
    private final DropLog drops = new DropLog();
    private final QueueMessages<String> jobs =
            new QueueMessages<>(sealer, JOBS, String.class, drops);

    @Test
    void anItemSealedForThisQueueOpensToTheSameValue() {
        Envelope sealed = jobs.item("invoice-17", 1_000);

        assertThat(jobs.openItem(sealed)).isEqualTo("invoice-17");
        assertThat(sealed.binding()).isEqualTo(JOBS.item());
        assertThat(drops.count()).isZero();
    }

    @Test
    void anItemOfAnotherQueueIsDroppedAndCounted() {
        QueueMessages<String> other = new QueueMessages<>(sealer, OTHER, String.class, drops);

        assertThat(jobs.openItem(other.item("invoice-17", 1_000))).isNull();
        assertThat(drops.count()).isEqualTo(1);
    }

    @Test
    void anItemSignedWithAnotherKeyIsDropped() {
        QueueMessages<String> stranger =
                new QueueMessages<>(TestSealers.withSecret(2), JOBS, String.class, drops);

        assertThat(jobs.openItem(stranger.item("invoice-17", 1_000))).isNull();
        assertThat(drops.count()).isEqualTo(1);
    }

    @Test
    void anItemOfAnotherTypeIsDroppedRatherThanReturned() {
        QueueMessages<Integer> numbers = new QueueMessages<>(sealer, JOBS, Integer.class, drops);

        assertThat(jobs.openItem(numbers.item(17, 1_000))).isNull();
        assertThat(drops.count()).isEqualTo(1);
    }

    @Test
    void markersSlotsAndItemsAreNotTakenForOneAnother() {
        assertThat(jobs.isMarker(jobs.marker(1_000))).isTrue();
        assertThat(jobs.isSlot(jobs.slot(1_000))).isTrue();

        assertThat(jobs.isMarker(jobs.slot(1_000))).isFalse();
        assertThat(jobs.isSlot(jobs.marker(1_000))).isFalse();
        assertThat(jobs.openItem(jobs.marker(1_000))).isNull();
        assertThat(drops.count()).isEqualTo(3);
    }

    @Test
    void aValueOfTheWrongClassIsRefusedWithASentenceNamingTheQueue() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        QueueMessages<Object> raw = (QueueMessages) jobs;

        assertThatThrownBy(() -> raw.item(17, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue 'jobs' carries java.lang.String, not java.lang.Integer");
    }
}
