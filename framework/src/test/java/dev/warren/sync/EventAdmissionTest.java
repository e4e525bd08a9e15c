package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import org.junit.jupiter.api.Test;

class EventAdmissionTest {
    private static final String PRICES = "warren.sync.event:prices";
    private static final String EXCHANGE = "warren.sync.event.prices";

    private final MessageSealer sealer = TestSealers.withSecret(1);
    private final EventAdmission<String> admission =
            new EventAdmission<>(sealer, Binding.of(EXCHANGE, PRICES), String.class);

    private Envelope event(MessageSealer by, String id, String wireType, Object payload) {
        return by.seal(Heading.of(id, wireType, 1_000, Binding.of(EXCHANGE, wireType)), payload);
    }

    @Test
    void aGenuineEventOfThisChannelReachesTheHandler() {
        EventAdmission.Verdict<String> verdict =
                admission.admit(event(sealer, "m1", PRICES, "ACME 42"));

        assertThat(verdict.admitted()).isTrue();
        assertThat(verdict.event()).isEqualTo("ACME 42");
    }

    @Test
    void theSameMessageTwiceIsAReplay() {
        Envelope once = event(sealer, "m1", PRICES, "ACME 42");
        admission.admit(once);

        EventAdmission.Verdict<String> again = admission.admit(once);

        assertThat(again.admitted()).isFalse();
        assertThat(again.dropReason()).startsWith("REPLAYED");
    }

    @Test
    void anEventSignedForAnotherChannelIsDropped() {
        EventAdmission.Verdict<String> verdict =
                admission.admit(event(sealer, "m1", "warren.sync.event:other", "ACME 42"));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).contains("signed for 'warren.sync.event:other'");
    }

    @Test
    void anEventOfAnotherTypeIsDropped() {
        EventAdmission.Verdict<String> verdict = admission.admit(event(sealer, "m1", PRICES, 42));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).isEqualTo("holds a java.lang.Integer");
    }

    @Test
    void anEventSignedWithOtherKeysIsDroppedBeforeDecoding() {
        EventAdmission.Verdict<String> verdict =
                admission.admit(event(TestSealers.withSecret(2), "m1", PRICES, "ACME 42"));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).startsWith("BAD_SIGNATURE");
    }

    @Test
    void aDroppedForgeryDoesNotUseUpTheIdOfTheGenuineEvent() {
        admission.admit(event(TestSealers.withSecret(2), "m1", PRICES, "forged"));

        assertThat(admission.admit(event(sealer, "m1", PRICES, "ACME 42")).admitted()).isTrue();
    }
}
