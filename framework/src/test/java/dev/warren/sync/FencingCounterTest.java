package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FencingCounterTest {
    private static final String QUEUE = "warren.sync.lock.orders#seq";

    private final MessageSealer sealer = TestSealers.withSecret(1);
    private final FencingCounter counter = new FencingCounter(new Seals(sealer), QUEUE, "orders");

    private static Envelope plain(String body) {
        return new Envelope(0, null, null, 0, null, 0, null, null, null, body.getBytes(), Map.of());
    }

    private List<RejectReason> refusals(FencingCounter.Reading reading) {
        return reading.refused().stream().map(RejectedMessageException::reason).toList();
    }

    @Test
    void theCounterReadsBackWhatWasWrittenSoTheNextTokenIsOneMore() {
        assertThat(counter.read(List.of(counter.seal(41, 1_000))).highest()).hasValue(41);
        assertThat(counter.read(List.of(counter.initial(1_000))).highest()).hasValue(0);
    }

    @Test
    void aPlainNumberIsNoCounter() {
        FencingCounter.Reading reading = counter.read(List.of(plain("0")));

        assertThat(reading.highest()).isEmpty();
        assertThat(refusals(reading)).containsExactly(RejectReason.UNSUPPORTED_VERSION);
    }

    @Test
    void aCounterSignedWithOtherKeysIsRefused() {
        FencingCounter forger =
                new FencingCounter(new Seals(TestSealers.withSecret(2)), QUEUE, "orders");

        FencingCounter.Reading reading = counter.read(List.of(forger.seal(0, 1_000)));

        assertThat(reading.highest()).isEmpty();
        assertThat(refusals(reading)).containsExactly(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void anotherLocksCounterIsRefused() {
        FencingCounter other =
                new FencingCounter(new Seals(sealer), "warren.sync.lock.other#seq", "other");

        assertThat(refusals(counter.read(List.of(other.seal(0, 1_000)))))
                .containsExactly(RejectReason.MISDIRECTED);
    }

    @Test
    void aSignedMessageOfAnotherKindInTheQueueIsRefused() {
        Binding binding = Binding.of(QUEUE, "fencing:orders");
        Envelope text = sealer.seal(Heading.of("x", "fencing:orders", 1_000, binding), "7");
        Envelope negative = sealer.seal(Heading.of("y", "fencing:orders", 1_000, binding), -3L);

        assertThat(refusals(counter.read(List.of(text, negative))))
                .containsExactly(RejectReason.UNDECODABLE, RejectReason.UNDECODABLE);
    }

    @Test
    void theHighestGenuineCounterWinsSoAnOldCopyPublishedAgainCannotLowerTheToken() {
        FencingCounter.Reading reading =
                counter.read(List.of(counter.seal(9, 2_000), plain("999"), counter.seal(3, 1_000)));

        assertThat(reading.highest()).hasValue(9);
        assertThat(reading.refused()).hasSize(1);
    }
}
