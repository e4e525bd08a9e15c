package dev.warren.ops;

import dev.warren.internal.wire.RejectReason;
import java.time.Duration;
import java.util.Set;

/**
 * Whether a dead letter may go back to work. Only a letter a worker sealed, about a task it had
 * verified and that then failed, within the age limit: anything else would sign afresh content
 * nobody verified, or bring a refused replay back to life. No effects, no clock.
 */
final class RetryRules {
    /** Reasons given only after the task passed admission (and so was verified) and then failed. */
    private static final Set<String> AFTER_ADMISSION =
            Set.of(
                    RejectReason.FAILED.name(),
                    RejectReason.WORKER_ERROR.name(),
                    RejectReason.DELIVERY_LIMIT.name(),
                    RejectReason.UNSENDABLE_RESULT.name());

    private static final Set<String> POSSIBLE_REPLAYS =
            Set.of(RejectReason.EXPIRED.name(), RejectReason.REPLAYED.name());

    private static final Set<String> NEVER_VERIFIED =
            Set.of(
                    RejectReason.MISSING_SIGNATURE.name(),
                    RejectReason.UNKNOWN_KEY.name(),
                    RejectReason.BAD_SIGNATURE.name(),
                    RejectReason.UNSUPPORTED_VERSION.name(),
                    RejectReason.OVERSIZED.name(),
                    RejectReason.UNDECODABLE.name(),
                    RejectReason.UNREGISTERED_CLASS.name(),
                    RejectReason.MISDIRECTED.name());

    private RetryRules() {}

    /**
     * Null when the letter may be retried now, else why not, in words for an operator.
     *
     * @param keepsBody whether the sealed record holds the task's body
     * @param now milliseconds since the epoch
     * @param maxAge how long after dead-lettering a retry is still allowed
     * @param maxSkew how far in the future a worker's clock may have dated it
     */
    static String refusal(
            DeadLetter letter, boolean keepsBody, long now, Duration maxAge, Duration maxSkew) {
        String reason = letter.reason();
        if (!letter.verified()) {
            return "it is not sealed by a worker holding these keys, or was altered since ("
                    + letter.signatureProblem()
                    + "): nobody vouches for what it says";
        }
        if (POSSIBLE_REPLAYS.contains(reason)) {
            return "it was refused as "
                    + reason
                    + ", a possible replay of a captured task: retrying it would bring the"
                    + " replay back to life";
        }
        if (NEVER_VERIFIED.contains(reason)) {
            return "its content was never verified (" + reason + "): nobody vouches for it";
        }
        if (!AFTER_ADMISSION.contains(reason)) {
            return "reason " + reason + " is not one a retry can fix";
        }
        if (!letter.contentVerified()) {
            return "the worker failed on it (" + reason + ") before it was verified";
        }
        if (!keepsBody) {
            return "the task's body was too large to keep in the dead letter";
        }
        long age = now - letter.deadAt();
        if (age > maxAge.toMillis()) {
            return "it was dead-lettered "
                    + human(Duration.ofMillis(age))
                    + " ago, longer than the retry age limit ("
                    + human(maxAge)
                    + ")";
        }
        if (-age > maxSkew.toMillis()) {
            return "it is dated "
                    + human(Duration.ofMillis(-age))
                    + " in the future, more than maxClockSkew ("
                    + human(maxSkew)
                    + ")";
        }
        return null;
    }

    /** {@code 7d}, {@code 2h5m}, {@code 45s}, {@code 0s}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            long count = seconds / units[i];
            seconds %= units[i];
            if (count > 0) {
                text.append(count).append(names[i]);
            }
        }
        return text.isEmpty() ? "0s" : text.toString();
    }
}
