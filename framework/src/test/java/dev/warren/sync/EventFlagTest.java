package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFlagTest {
    private final EventFlag ready = flag(1, "ready");

    private static EventFlag flag(int secret, String name) {
        return new EventFlag(
                new Seals(TestSealers.withSecret(secret)),
                "warren.sync.event." + name,
                "warren.sync.event." + name + "#wake",
                name,
                Duration.ofSeconds(2));
    }

    private static RejectReason refusal(Runnable open) {
        try {
            open.run();
        } catch (RejectedMessageException e) {
            return e.reason();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aGenuineFlagSetsTheEvent() {
        assertThatCode(() -> ready.openFlag(ready.flag(1_000))).doesNotThrowAnyException();
    }

    @Test
    void anyPlainMessageInTheStateQueueIsNoFlag() {
        Envelope plain =
                new Envelope(0, null, null, 0, null, 0, null, null, null, new byte[] {1}, Map.of());

        assertThatThrownBy(() -> ready.openFlag(plain))
                .isInstanceOf(RejectedMessageException.class);
    }

    @Test
    void aFlagSignedWithOtherKeysOrForAnotherEventOrAsAWakeUpIsNoFlag() {
        assertThat(refusal(() -> ready.openFlag(flag(2, "ready").flag(1_000))))
                .isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(refusal(() -> ready.openFlag(flag(1, "other").flag(1_000))))
                .isEqualTo(RejectReason.MISDIRECTED);
        assertThat(refusal(() -> ready.openFlag(ready.wake(1_000))))
                .isEqualTo(RejectReason.MISDIRECTED);
    }

    @Test
    void aWakeUpSentWhileTheWaiterWaitsWakesIt() {
        assertThatCode(() -> ready.openWake(ready.wake(10_500), 10_000, 11_000))
                .doesNotThrowAnyException();
        // the setter's clock may be behind the waiter's by up to maxClockSkew
        assertThatCode(() -> ready.openWake(ready.wake(8_500), 10_000, 11_000))
                .doesNotThrowAnyException();
    }

    @Test
    void aWakeUpFromBeforeTheWaitIsACopySentAgain() {
        assertThat(refusal(() -> ready.openWake(ready.wake(7_000), 10_000, 11_000)))
                .isEqualTo(RejectReason.EXPIRED);
    }

    @Test
    void aWakeUpDatedFurtherInTheFutureThanTheSkewIsRefused() {
        assertThat(refusal(() -> ready.openWake(ready.wake(14_000), 10_000, 11_000)))
                .isEqualTo(RejectReason.EXPIRED);
    }

    @Test
    void aFlagIsNoWakeUp() {
        assertThat(refusal(() -> ready.openWake(ready.flag(10_500), 10_000, 11_000)))
                .isEqualTo(RejectReason.MISDIRECTED);
    }
}
