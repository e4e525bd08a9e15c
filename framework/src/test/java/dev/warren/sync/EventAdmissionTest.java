package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventAdmissionTest {
    private static final String PRICES = "warren.sync.event:prices";
    private static final String EXCHANGE = "warren.sync.event.prices";
    private static final long SUBSCRIBED = 1_000_000;

    private final MessageSealer sealer = TestSealers.withSecret(1);
    private final EventAdmission<String> admission =
            new EventAdmission<>(
                    sealer,
                    Binding.of(EXCHANGE, PRICES),
                    String.class,
                    SUBSCRIBED,
                    Duration.ofHours(1),
                    Duration.ofSeconds(2));

    private Envelope event(MessageSealer by, String id, String wireType, Object payload) {
        return dated(by, id, wireType, payload, SUBSCRIBED + 100);
    }

    private Envelope dated(MessageSealer by, String id, String wireType, Object payload, long at) {
        return by.seal(Heading.of(id, wireType, at, Binding.of(EXCHANGE, wireType)), payload);
    }

    private EventAdmission.Verdict<String> admitNow(Envelope envelope) {
        return admission.admit(envelope, SUBSCRIBED + 1_000);
    }

    @Test
    void aGenuineEventOfThisChannelReachesTheHandler() {
        EventAdmission.Verdict<String> verdict = admitNow(event(sealer, "m1", PRICES, "ACME 42"));

        assertThat(verdict.admitted()).isTrue();
        assertThat(verdict.event()).isEqualTo("ACME 42");
    }

    @Test
    void theSameMessageTwiceIsAReplay() {
        Envelope once = event(sealer, "m1", PRICES, "ACME 42");
        admitNow(once);

        EventAdmission.Verdict<String> again = admitNow(once);

        assertThat(again.admitted()).isFalse();
        assertThat(again.dropReason()).startsWith("REPLAYED");
    }

    @Test
    void anEventSignedForAnotherChannelIsDropped() {
        EventAdmission.Verdict<String> verdict =
                admitNow(event(sealer, "m1", "warren.sync.event:other", "ACME 42"));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).contains("signed for 'warren.sync.event:other'");
    }

    @Test
    void anEventOfAnotherTypeIsDropped() {
        EventAdmission.Verdict<String> verdict = admitNow(event(sealer, "m1", PRICES, 42));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).isEqualTo("UNDECODABLE: holds a java.lang.Integer");
    }

    @Test
    void anEventSignedWithOtherKeysIsDroppedBeforeDecoding() {
        EventAdmission.Verdict<String> verdict =
                admitNow(event(TestSealers.withSecret(2), "m1", PRICES, "ACME 42"));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.dropReason()).startsWith("BAD_SIGNATURE");
    }

    @Test
    void aDroppedForgeryDoesNotUseUpTheIdOfTheGenuineEvent() {
        admitNow(event(TestSealers.withSecret(2), "m1", PRICES, "forged"));

        assertThat(admitNow(event(sealer, "m1", PRICES, "ACME 42")).admitted()).isTrue();
    }

    @Test
    void anEventDatedBeforeTheSubscriptionBeganIsACopySentAgain() {
        EventAdmission.Verdict<String> verdict =
                admitNow(dated(sealer, "m1", PRICES, "ACME 42", SUBSCRIBED - 2_001));

        assertThat(verdict.admitted()).isFalse();
        assertThat(verdict.cause()).isEqualTo("EXPIRED");
        assertThat(verdict.dropReason()).contains("before this subscription began");
    }

    @Test
    void anEventFromAClockUpToTheSkewBehindIsAdmitted() {
        assertThat(admitNow(dated(sealer, "m1", PRICES, "ACME 42", SUBSCRIBED - 1_999)).admitted())
                .isTrue();
    }

    @Test
    void anEventOlderThanMaxMessageAgeIsRefusedEvenOnALongSubscription() {
        Envelope old = dated(sealer, "m1", PRICES, "ACME 42", SUBSCRIBED + 100);

        EventAdmission.Verdict<String> verdict =
                admission.admit(old, SUBSCRIBED + 100 + Duration.ofHours(1).toMillis() + 1);

        assertThat(verdict.cause()).isEqualTo("EXPIRED");
        assertThat(verdict.dropReason()).contains("more than maxMessageAge");
    }

    @Test
    void anEventDatedFurtherInTheFutureThanTheSkewIsRefused() {
        EventAdmission.Verdict<String> verdict =
                admitNow(dated(sealer, "m1", PRICES, "ACME 42", SUBSCRIBED + 3_001));

        assertThat(verdict.cause()).isEqualTo("EXPIRED");
        assertThat(verdict.dropReason()).contains("in the future");
    }
}
