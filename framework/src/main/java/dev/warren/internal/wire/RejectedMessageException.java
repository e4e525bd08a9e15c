package dev.warren.internal.wire;

import dev.warren.WarrenException;

/**
 * A received message was refused before any of its content was trusted; {@link #reason()} says why.
 * Workers dead-letter such messages and keep running.
 *
 * <pre>{@code
 * try { Object task = sealer.open(envelope); }
 * catch (RejectedMessageException e) { deadLetter(e.reason(), e.getMessage()); }
 * }</pre>
 */
public class RejectedMessageException extends WarrenException {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public RejectedMessageException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectedMessageException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
