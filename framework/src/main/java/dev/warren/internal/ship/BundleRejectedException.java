package dev.warren.internal.ship;

import dev.warren.WarrenException;

/** A bundle that must not be loaded, with the check it failed. */
public final class BundleRejectedException extends WarrenException {
    /** The checks a bundle is put through, in order, before any of its classes is defined. */
    public enum Problem {
        /** Larger than the worker's bundle size limit. */
        OVERSIZED,
        /** Its bytes do not hash to the hash it was sent under: tampered or damaged. */
        HASH_MISMATCH,
        /** No signature or key id. */
        MISSING_SIGNATURE,
        /** Signed with a key that this worker does not accept for code. */
        UNKNOWN_KEY,
        /** The signature does not match: tampered, or a different secret. */
        BAD_SIGNATURE,
        /** Not a bundle encoding, or not the one task class it should be for. */
        MALFORMED
    }

    private final Problem problem;

    public BundleRejectedException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
