package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a consumer's acknowledgements go out, recorded without a channel. */
class AcknowledgementsTest {

    private static final class RecordingSink implements Acknowledgements.Sink {
        final List<String> sent = new ArrayList<>();

        @Override
        public synchronized void ack(long upToTag) {
            sent.add("ack<=" + upToTag);
        }

        @Override
        public synchronized void reject(long tag, boolean requeue) {
            sent.add((requeue ? "requeue " : "discard ") + tag);
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private final RecordingSink sink = new RecordingSink();

    private Acknowledgements deliveredUpTo(int prefetch, long last) {
        Acknowledgements acks = new Acknowledgements(sink, prefetch);
        for (long tag = 1; tag <= last; tag++) {
            acks.delivered(tag);
        }
        return acks;
    }

    @Test
    void onePrefetchQuarterOfFinishedDeliveriesGoesAsOneMultipleAck() {
        Acknowledgements acks = deliveredUpTo(8, 4);

        acks.done(1);
        acks.done(2);

        // without waiting for the timer
        assertThat(sink.sent()).last().isEqualTo("ack<=2");
    }

    @Test
    void neverMoreThanSixtyFourWaitForTheirAcknowledgement() {
        Acknowledgements acks = deliveredUpTo(1000, 100);

        for (long tag = 1; tag <= 63; tag++) {
            acks.done(tag);
        }
        acks.done(64);

        // the timer may have sent some already; the 64th is sent at once either way
        assertThat(sink.sent()).last().isEqualTo("ack<=64");
    }

    @Test
    void aDeliveryStillRunningHoldsBackTheAcknowledgementOfLaterOnes() {
        Acknowledgements acks = deliveredUpTo(8, 3);

        acks.done(2);
        acks.done(3);
        assertThat(sink.sent()).isEmpty();
        acks.done(1);
        acks.flushNow();

        assertThat(sink.sent()).containsExactly("ack<=3");
    }

    @Test
    void aRejectionGoesOutAtOnceAndNoLaterAckCoversItAsUnsettled() throws Exception {
        Acknowledgements acks = deliveredUpTo(8, 3);

        acks.rejected(2, true);
        acks.done(1);
        acks.done(3);

        // the timer may send an ack up to 1 or 2 in between; the rejection always comes first
        assertThat(sink.sent()).first().isEqualTo("requeue 2");
        assertThat(sink.sent()).last().isEqualTo("ack<=3");
    }

    @Test
    void flushingBeforeTheChannelClosesSendsWhatIsDoneAndNothingElse() {
        Acknowledgements acks = deliveredUpTo(1000, 5);
        acks.done(1);
        acks.done(2);
        acks.done(4);

        acks.flushNow();
        List<String> flushed = sink.sent();
        acks.flushNow();

        assertThat(sink.sent()).as("nothing new to send").isEqualTo(flushed);
        assertThat(flushed).last().isEqualTo("ack<=2");
        assertThat(flushed).allMatch(ack -> ack.equals("ack<=1") || ack.equals("ack<=2"));
    }

    @Test
    void aLoneFinishedDeliveryIsAcknowledgedAFewMillisecondsLater() {
        Acknowledgements acks = deliveredUpTo(1000, 1);

        acks.done(1);

        await().atMost(Duration.ofSeconds(2)).until(() -> sink.sent().equals(List.of("ack<=1")));
    }

    @Test
    void aMultipleAckNeverNamesADeliveryThatWasGivenBack() throws Exception {
        Acknowledgements acks = deliveredUpTo(1000, 3);
        acks.done(1);
        acks.done(2);

        acks.rejected(3, true);
        acks.flushNow();

        // the broker answers a multiple ack of 3 with "unknown delivery tag" and closes the channel
        assertThat(sink.sent()).contains("requeue 3").last().isEqualTo("ack<=2");
        assertThat(sink.sent()).doesNotContain("ack<=3");
    }
}
