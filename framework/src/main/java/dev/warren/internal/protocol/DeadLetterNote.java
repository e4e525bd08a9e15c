package dev.warren.internal.protocol;

import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import java.util.HashMap;
import java.util.Map;

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
        String worker) {

    /** The unsigned headers a dead letter carries for people: reason, detail, origin, time. */
    Map<String, String> annotations(long now) {
        Map<String, String> notes = new HashMap<>();
        notes.put(Headers.DEAD_REASON, reason.name());
        notes.put(Headers.DEAD_DETAIL, detail == null ? "" : detail);
        notes.put(Headers.ORIGIN_QUEUE, originQueue);
        notes.put(Headers.DEAD_AT, Long.toString(now));
        if (lastError != null) {
            notes.put(Headers.LAST_ERROR, lastError);
        }
        return notes;
    }
}
