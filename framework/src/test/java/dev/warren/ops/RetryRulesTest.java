package dev.warren.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.RejectReason;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which dead letters may go back to work. */
class RetryRulesTest {
    private static final long NOW = 1_780_000_000_000L;
    private static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Duration SKEW = Duration.ofMinutes(2);

    private static DeadLetter sealed(String reason, boolean contentVerified, long deadAt) {
        return new DeadLetter(
                "id", "T", 3, reason, "", "", deadAt, null, contentVerified, "h:1", null);
    }

    private static String refusal(DeadLetter letter) {
        return RetryRules.refusal(letter, true, NOW, MAX_AGE, SKEW);
    }

    @Test
    void aVerifiedTaskThatFailedRecentlyMayBeRetried() {
        assertThat(refusal(sealed("FAILED", true, NOW - 1000))).isNull();
        assertThat(refusal(sealed("WORKER_ERROR", true, NOW))).isNull();
    }

    @Test
    void aLetterWhoseSealDoesNotVerifyIsRefusedWhateverItClaims() {
        DeadLetter forged =
                new DeadLetter(
                        "id",
                        "T",
                        1,
                        "FAILED",
                        "",
                        "",
                        NOW,
                        "BAD_SIGNATURE: the signature does not match",
                        true,
                        null,
                        null);

        assertThat(refusal(forged)).contains("not sealed by a worker", "BAD_SIGNATURE");
    }

    @ParameterizedTest
    @EnumSource(
            value = RejectReason.class,
            names = {"EXPIRED", "REPLAYED"})
    void aLetterRefusedAsAPossibleReplayIsNeverRetried(RejectReason reason) {
        assertThat(refusal(sealed(reason.name(), true, NOW)))
                .contains(reason.name(), "possible replay");
    }

    @ParameterizedTest
    @EnumSource(
            value = RejectReason.class,
            names = {
                "MISSING_SIGNATURE",
                "UNKNOWN_KEY",
                "BAD_SIGNATURE",
                "UNSUPPORTED_VERSION",
                "OVERSIZED",
                "UNDECODABLE",
                "UNREGISTERED_CLASS",
                "MISDIRECTED"
            })
    void aLetterWhoseContentWasNeverVerifiedIsNeverRetried(RejectReason reason) {
        assertThat(refusal(sealed(reason.name(), false, NOW)))
                .contains("never verified", reason.name());
        assertThat(refusal(sealed(reason.name(), true, NOW))).contains("never verified");
    }

    @Test
    void onlyFailuresAfterAdmissionAreRetryable() {
        EnumSet<RejectReason> retryable = EnumSet.noneOf(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            if (refusal(sealed(reason.name(), true, NOW)) == null) {
                retryable.add(reason);
            }
        }

        assertThat(retryable)
                .containsExactly(
                        RejectReason.DELIVERY_LIMIT,
                        RejectReason.FAILED,
                        RejectReason.WORKER_ERROR,
                        RejectReason.UNSENDABLE_RESULT);
        assertThat(refusal(sealed("broker:rejected", true, NOW))).contains("not one a retry");
    }

    @Test
    void aWorkerErrorBeforeAdmissionIsRefused() {
        assertThat(refusal(sealed("WORKER_ERROR", false, NOW))).contains("before it was verified");
    }

    @Test
    void aLetterOlderThanTheAgeLimitIsRefusedSayingHowOld() {
        DeadLetter old = sealed("FAILED", true, NOW - MAX_AGE.toMillis() - 1000);

        assertThat(refusal(old)).contains("7d", "retry age limit");
        assertThat(refusal(sealed("FAILED", true, NOW - MAX_AGE.toMillis()))).isNull();
    }

    @Test
    void aLetterDatedFarInTheFutureIsRefused() {
        assertThat(refusal(sealed("FAILED", true, NOW + SKEW.toMillis() + 1000)))
                .contains("in the future");
        assertThat(refusal(sealed("FAILED", true, NOW + SKEW.toMillis()))).isNull();
    }

    @Test
    void aLetterThatDoesNotKeepItsBodyCannotBeRetried() {
        assertThat(RetryRules.refusal(sealed("FAILED", true, NOW), false, NOW, MAX_AGE, SKEW))
                .contains("body was too large");
    }

    @Test
    void durationsReadLikeAPerson() {
        assertThat(RetryRules.human(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(RetryRules.human(Duration.ofMinutes(125))).isEqualTo("2h5m");
        assertThat(RetryRules.human(Duration.ofMillis(400))).isEqualTo("0s");
    }
}
