package dev.warren.internal.wire;

/**
 * Why a message was refused and dead-lettered: signed in the dead letter the worker seals, and
 * written (unsigned) to the {@link Headers#DEAD_REASON} header.
 *
 * <pre>{@code
 * if (RejectReason.valueOf(reasonHeader) == RejectReason.BAD_SIGNATURE) alertSecurityTeam();
 * }</pre>
 */
public enum RejectReason {
    /** No signature or key id header. */
    MISSING_SIGNATURE,
    /** Signed with a key id this process does not hold. */
    UNKNOWN_KEY,
    /** The signature does not match: tampered, or a different secret. */
    BAD_SIGNATURE,
    /** A wire format version this process cannot read, or missing Warren headers. */
    UNSUPPORTED_VERSION,
    /** The body is larger than {@code maxBodyBytes}. */
    OVERSIZED,
    /** The body is not a valid encoding of a registered type. */
    UNDECODABLE,
    /** The body names a class (id) that is not registered here. */
    UNREGISTERED_CLASS,
    /** The type header does not name the class in the body, or the class is not a task. */
    NOT_A_TASK,
    /** Due too long ago (or too far in the future): a possible replay of a captured message. */
    EXPIRED,
    /**
     * Signed for another destination or purpose: a task for another queue, a reply for another
     * task.
     */
    MISDIRECTED,
    /** A task attempt that a worker of the fleet already took, published again. */
    REPLAYED,
    /**
     * Taken again and again by workers that stopped before finishing it: a task that kills its
     * worker.
     */
    DELIVERY_LIMIT,
    /** The task failed on its last attempt, or with an exception declared not retryable. */
    FAILED,
    /** The worker itself failed on this message twice (a bug, or a class missing on the worker). */
    WORKER_ERROR,
    /** The task ran, but its result cannot be encoded (not registered here, or too large). */
    UNSENDABLE_RESULT,
    /** The task comes with its code, and this worker does not run shipped code. */
    CODE_NOT_ACCEPTED,
    /** The task's shipped code failed a check: size, hash, signature or format. */
    BUNDLE_REFUSED,
    /** The task's shipped code is not on the broker (its queue expired or was deleted). */
    BUNDLE_MISSING;

    /**
     * Whether this refusal comes before the signature verified: nothing the message says, its
     * reply-to included, may be trusted then.
     */
    public boolean beforeVerification() {
        return switch (this) {
            case MISSING_SIGNATURE, UNKNOWN_KEY, BAD_SIGNATURE, UNSUPPORTED_VERSION, OVERSIZED ->
                    true;
            default -> false;
        };
    }
}
