package dev.warren.internal.protocol;

/**
 * The body of a dead letter: what a worker says, under its own signature, about a message it gave
 * up on. The original message's fields and bytes are kept for people to inspect; {@link
 * #contentVerified} says whether the worker had verified them (signature, destination and decoding)
 * or is only repeating what an unverified message claimed.
 *
 * <pre>{@code
 * DeadLetterRecord record = protocol.openDeadLetter(envelope, "primes", "warren.primes.dead");
 * if (record.contentVerified()) { ... }
 * }</pre>
 *
 * @param reason a {@link dev.warren.internal.wire.RejectReason} name
 * @param detail one line saying what went wrong
 * @param originQueue the logical queue the message was taken from
 * @param originalId the message id it carried, or null
 * @param originalType the type it carried (a task class name when verified), or null
 * @param originalAttempt the attempt it carried
 * @param originalTimestamp when it said it was due, milliseconds since the epoch
 * @param originalReplyTo the reply queue it named, or null
 * @param deadAt when the worker dead-lettered it, milliseconds since the epoch
 * @param worker which process dead-lettered it, as {@code host:pid}
 * @param contentVerified whether the worker verified the original before giving up on it
 * @param lastError the last error's stack trace (cut), or null
 * @param originalBody the original body, or empty when it was too large to keep
 * @param originalBodyBytes the size of the original body, kept or not
 */
public record DeadLetterRecord(
        String reason,
        String detail,
        String originQueue,
        String originalId,
        String originalType,
        int originalAttempt,
        long originalTimestamp,
        String originalReplyTo,
        long deadAt,
        String worker,
        boolean contentVerified,
        String lastError,
        byte[] originalBody,
        int originalBodyBytes) {

    /** The Kryo id of this wire record (below the application range). */
    public static final int KRYO_ID = 91;

    private static final int SHORT_DETAIL = 500;

    public DeadLetterRecord {
        detail = detail == null ? "" : detail;
        originalBody = originalBody == null ? new byte[0] : originalBody;
    }

    /** Whether the original body is inside (it is left out when it would not fit). */
    public boolean keepsBody() {
        return originalBody.length == originalBodyBytes;
    }

    /** The same record with only the first line of the last error, and the detail cut. */
    DeadLetterRecord shortened() {
        String line = lastError == null ? null : lastError.lines().findFirst().orElse("");
        return new DeadLetterRecord(
                reason,
                detail.length() > SHORT_DETAIL ? detail.substring(0, SHORT_DETAIL) : detail,
                originQueue,
                originalId,
                originalType,
                originalAttempt,
                originalTimestamp,
                originalReplyTo,
                deadAt,
                worker,
                contentVerified,
                line,
                originalBody,
                originalBodyBytes);
    }

    /** The same record without the original body: for a message too large to keep inside. */
    DeadLetterRecord withoutBody() {
        return new DeadLetterRecord(
                reason,
                detail,
                originQueue,
                originalId,
                originalType,
                originalAttempt,
                originalTimestamp,
                originalReplyTo,
                deadAt,
                worker,
                contentVerified,
                lastError,
                new byte[0],
                originalBodyBytes);
    }
}
