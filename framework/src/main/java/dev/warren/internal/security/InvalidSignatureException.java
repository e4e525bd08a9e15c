package dev.warren.internal.security;

import dev.warren.WarrenException;

/**
 * A message's signature is missing, made with a key this process does not have, or does not match
 * the message. The message must not be decoded.
 */
public class InvalidSignatureException extends WarrenException {
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Problem {
        MISSING_SIGNATURE,
        UNKNOWN_KEY,
        BAD_SIGNATURE
    }

    private final Problem problem;

    public InvalidSignatureException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
