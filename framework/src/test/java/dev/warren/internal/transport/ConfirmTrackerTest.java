package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.PublishFailedException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The confirm rules of a publishing channel, without a channel. */
class ConfirmTrackerTest {

    private record Message(String messageId, boolean mandatory, CompletableFuture<Void> future)
            implements ConfirmTracker.Tracked {
        Message(String messageId, boolean mandatory) {
            this(messageId, mandatory, new CompletableFuture<>());
        }

        @Override
        public void confirmed() {
            future.complete(null);
        }

        @Override
        public void failed(RuntimeException why) {
            future.completeExceptionally(why);
        }
    }

    private final ConfirmTracker<Message> tracker = new ConfirmTracker<>();

    private Message publish(long seq, String id, boolean mandatory) {
        Message message = new Message(id, mandatory);
        tracker.published(seq, message);
        return message;
    }

    @Test
    void aSingleConfirmCompletesOnlyItsMessage() {
        Message first = publish(1, "a", false);
        Message second = publish(2, "b", false);

        tracker.acked(2, false);

        assertThat(second.future()).isCompleted();
        assertThat(first.future()).isNotDone();
        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void aMultipleConfirmCompletesEveryMessageUpToItsSequenceNumber() {
        Message first = publish(1, "a", false);
        Message second = publish(2, "b", false);
        Message third = publish(3, "c", false);

        tracker.acked(2, true);

        assertThat(first.future()).isCompleted();
        assertThat(second.future()).isCompleted();
        assertThat(third.future()).isNotDone();
    }

    @Test
    void aNackFailsTheMessageSayingTheBrokerRefusedIt() {
        Message refused = publish(1, "a", false);

        tracker.nacked(1, false);

        assertThat(refused.future())
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(PublishFailedException.class)
                .withMessageContaining("nack");
    }

    @Test
    void aReturnedMandatoryMessageFailsAsUnroutableWhenItsConfirmComes() {
        Message lost = publish(1, "a", true);

        tracker.returned("a", "no queue 'warren.nowhere'");
        tracker.acked(1, false);

        assertThat(lost.future())
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .withMessageContaining("unroutable: no queue 'warren.nowhere'");
    }

    @Test
    void aReturnNeverFailsAMessageThatWasNotMandatory() {
        Message relaxed = publish(1, "a", false);

        tracker.returned("a", "no queue");
        tracker.acked(1, false);

        assertThat(relaxed.future()).isCompleted();
    }

    @Test
    void whenTheChannelGoesEveryUnconfirmedMessageIsHandedBackOldestFirst() {
        Message first = publish(7, "a", false);
        Message second = publish(8, "b", false);
        tracker.acked(9, true);
        Message third = publish(10, "c", false);

        assertThat(tracker.takeUnconfirmed()).containsExactly(third);
        assertThat(first.future()).isCompleted();
        assertThat(second.future()).isCompleted();
        assertThat(tracker.size()).isZero();
    }

    @Test
    void aConfirmForAnUnknownSequenceNumberChangesNothing() {
        Message waiting = publish(5, "a", false);

        tracker.acked(4, false);

        assertThat(waiting.future()).isNotDone();
        assertThat(tracker.unsent(5)).isTrue();
        assertThat(tracker.unsent(5)).isFalse();
    }
}
