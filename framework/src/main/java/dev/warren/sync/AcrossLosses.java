package dev.warren.sync;

import java.util.function.Supplier;

/**
 * A call that survives the loss of the coordinator's connection: what failed because the connection
 * was lost meanwhile runs again on the next one.
 */
final class AcrossLosses {
    private AcrossLosses() {}

    /**
     * Runs {@code attempt}, and runs it again on the next connection when it failed because the
     * connection was lost meanwhile and {@code until} (null: no end) has not passed.
     */
    static <T> T run(SyncConnection connection, Deadline until, Supplier<T> attempt) {
        while (true) {
            long before = connection.generation();
            try {
                return attempt.get();
            } catch (CoordinationException e) {
                if (!connection.lostSince(before) || (until != null && until.hasPassed())) {
                    throw e;
                }
            }
        }
    }
}
