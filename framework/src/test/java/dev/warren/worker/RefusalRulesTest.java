package dev.warren.worker;

import static dev.warren.worker.RefusalRules.Recipient.CALLER;
import static dev.warren.worker.RefusalRules.Recipient.NOBODY;
import static dev.warren.worker.RefusalRules.Recipient.NOTICE_EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whom each refusal reaches: the table of {@link RefusalRules}. */
class RefusalRulesTest {
    private static final String REPLY = "warren.reply.c1";

    @ParameterizedTest
    @EnumSource(
            value = RejectReason.class,
            names = {
                "MISSING_SIGNATURE",
                "UNKNOWN_KEY",
                "BAD_SIGNATURE",
                "UNSUPPORTED_VERSION",
                "OVERSIZED"
            })
    void refusalsBeforeTheSignatureVerifiedGoOnlyToTheNoticeExchange(RejectReason reason) {
        assertThat(RefusalRules.recipient(reason, false, REPLY)).isEqualTo(NOTICE_EXCHANGE);
    }

    @ParameterizedTest
    @EnumSource(
            value = RejectReason.class,
            names = {"MISDIRECTED", "UNREGISTERED_CLASS", "UNDECODABLE"})
    void refusalsInsideOpenAfterTheSignatureVerifiedReachTheCaller(RejectReason reason) {
        assertThat(RefusalRules.recipient(reason, false, REPLY)).isEqualTo(CALLER);
    }

    @ParameterizedTest
    @EnumSource(
            value = RejectReason.class,
            names = {
                "EXPIRED",
                "NOT_A_TASK",
                "DELIVERY_LIMIT",
                "WORKER_ERROR",
                "UNSENDABLE_RESULT"
            })
    void verifiedRefusalsReachTheCaller(RejectReason reason) {
        assertThat(RefusalRules.recipient(reason, true, REPLY)).isEqualTo(CALLER);
    }

    @Test
    void aReplayedCopyTellsNobodyBecauseItsOriginalMayStillSucceed() {
        assertThat(RefusalRules.recipient(RejectReason.REPLAYED, true, REPLY)).isEqualTo(NOBODY);
    }

    @Test
    void aWorkerErrorBeforeAdmissionVerifiedTheMessageTellsNobody() {
        assertThat(RefusalRules.recipient(RejectReason.WORKER_ERROR, false, REPLY))
                .isEqualTo(NOBODY);
        assertThat(RefusalRules.recipient(RejectReason.NOT_A_TASK, false, REPLY)).isEqualTo(NOBODY);
    }

    @ParameterizedTest
    @EnumSource(RejectReason.class)
    void aTaskWithoutAReplyQueueTellsNobody(RejectReason reason) {
        assertThat(RefusalRules.recipient(reason, true, null)).isEqualTo(NOBODY);
        assertThat(RefusalRules.recipient(reason, false, null)).isEqualTo(NOBODY);
    }
}
