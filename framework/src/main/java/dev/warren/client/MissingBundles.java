package dev.warren.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * When a shipped task is worth sending again: a worker refused it because its bundle was no longer
 * on the broker. Such a task never ran (the worker refuses before it decodes the task), so after
 * the bundle is put again it can be submitted again, once, under a new id: the old id is in the
 * dead letters and the workers' replay guard, which would refuse it again as a duplicate.
 */
final class MissingBundles {
    private MissingBundles() {}

    /** Whether {@code failure} (or what it wraps) is a refusal for a missing bundle. */
    static boolean isMissingBundle(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TaskRefusedException refused
                && refused.reason() == TaskRefusedException.Reason.BUNDLE_MISSING;
    }
}
