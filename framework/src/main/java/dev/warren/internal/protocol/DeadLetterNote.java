package dev.warren.internal.protocol;

import dev.warren.internal.wire.RejectReason;

/**
 * Why a message is dead-lettered, and by whom.
 *
 * @param originQueue the broker queue it was taken from (an unsigned annotation, for people)
 * @param contentVerified whether the worker verified the message before giving up on it
 * @param worker the process that dead-letters it, as {@code host:pid}
 */
public record DeadLetterNote(
        RejectReason reason,
        String detail,
        String originQueue,
        String lastError,
        boolean contentVerified,
        String worker) {}
