package dev.warren.worker;

import dev.warren.internal.wire.RejectReason;
import java.util.Set;

/** Whom a worker tells about a message it refused, and how. No effects. */
final class RefusalRules {
    /** What {@code MessageSealer.open} refuses only after the signature verified. */
    private static final Set<RejectReason> AFTER_SIGNATURE_IN_OPEN =
            Set.of(
                    RejectReason.MISDIRECTED,
                    RejectReason.UNREGISTERED_CLASS,
                    RejectReason.UNDECODABLE);

    private RefusalRules() {}

    /** Who hears of a refusal. */
    enum Recipient {
        /** Nobody waits, or telling could mislead: the dead letter is the only record. */
        NOBODY,
        /** The signature covered the reply-to: a signed refusal reply goes there. */
        CALLER,
        /** The reply-to is unverified: a notice goes to the notice exchange, never to it. */
        NOTICE_EXCHANGE
    }

    /**
     * @param contentVerified whether the signature, destination and body checked out before the
     *     refusal
     * @param replyTo the reply queue the message names, or null
     */
    static Recipient recipient(RejectReason reason, boolean contentVerified, String replyTo) {
        if (replyTo == null) {
            return Recipient.NOBODY;
        }
        if (reason.beforeVerification()) {
            return Recipient.NOTICE_EXCHANGE;
        }
        if (reason == RejectReason.REPLAYED) {
            // a copy of an attempt the fleet took: its original may still succeed, and the
            // caller's future must be completed by the original alone
            return Recipient.NOBODY;
        }
        if (contentVerified || AFTER_SIGNATURE_IN_OPEN.contains(reason)) {
            return Recipient.CALLER;
        }
        // refused inside admission by a worker error: whether the signature verified is unknown
        return Recipient.NOBODY;
    }
}
