package dev.warren.ops;

/**
 * One message in a dead-letter queue, as {@link DeadLetters#list} shows it: what it was, why it is
 * there, who put it there, and whether any of that can be trusted.
 *
 * <p>A worker seals each dead letter with its own signature over a record of the reason, the origin
 * queue, the original id, attempt and type, the time and itself. When that seal verifies ({@link
 * #verified()}), every field below comes from the signed record; when it does not (a letter forged
 * by hand, altered, dead-lettered by RabbitMQ itself, or sealed with a key this process does not
 * hold), they are only what the message's unsigned headers claim.
 *
 * <pre>{@code
 * for (DeadLetter d : DeadLetters.of(broker).list("primes", 100)) {
 *     System.out.println(d.id() + " " + d.reason() + " " + (d.retryRefusal() == null ? "retryable" : d.retryRefusal()));
 * }
 * }</pre>
 *
 * @param id the original message id (the task id)
 * @param type the task class name the original message named
 * @param attempt the attempt that ended here
 * @param reason a reason name (such as {@code FAILED} or {@code BAD_SIGNATURE}), or {@code
 *     broker:<why>} when RabbitMQ dead-lettered the message itself
 * @param detail one line saying what went wrong
 * @param lastErrorLine the first line of the last error's stack trace, or empty
 * @param deadAt when it was dead-lettered, milliseconds since the epoch, or 0 if unknown
 * @param signatureProblem null when the dead letter's own seal verifies with this process's keys,
 *     else why not (a reason name, such as {@code BAD_SIGNATURE}, and a sentence)
 * @param contentVerified whether the worker had verified the original message (signature,
 *     destination, body, age, replay) before giving up on it; false whenever the seal does not
 *     verify
 * @param worker the process that dead-lettered it ({@code host:pid}), or null when unverified
 * @param retryRefusal null when {@link DeadLetters#retry} would send it back to work at the time it
 *     was read, else why it would not
 */
public record DeadLetter(
        String id,
        String type,
        int attempt,
        String reason,
        String detail,
        String lastErrorLine,
        long deadAt,
        String signatureProblem,
        boolean contentVerified,
        String worker,
        String retryRefusal) {

    /** Whether the dead letter's own seal (the worker's signature) verifies with this process. */
    public boolean verified() {
        return signatureProblem == null;
    }

    /** Whether {@link DeadLetters#retry} would send it back to work at the time it was read. */
    public boolean retryable() {
        return retryRefusal == null;
    }

    /**
     * A dead letter with the whole stack trace of its last error, as {@link DeadLetters#inspect}
     * reads it. The stack trace is what the letter carries: under the worker's seal when {@link
     * DeadLetter#verified()}, else from an unsigned header anyone could have written.
     *
     * <pre>{@code
     * for (DeadLetter.Detail d : DeadLetters.of(broker).inspect("primes", 20)) {
     *     System.out.println(d.letter().id() + "\n" + d.stackTrace());
     * }
     * }</pre>
     *
     * @param letter the dead letter
     * @param stackTrace the last error's stack trace (cut by the worker that wrote it), or empty
     */
    public record Detail(DeadLetter letter, String stackTrace) {

        /** The exception's class name: the stack trace's first line up to its first colon. */
        public String exceptionType() {
            String first = firstLine();
            int colon = first.indexOf(": ");
            return colon < 0 ? first.strip() : first.substring(0, colon).strip();
        }

        /** The exception's message: the rest of the first line after its class name, or empty. */
        public String exceptionMessage() {
            String first = firstLine();
            int colon = first.indexOf(": ");
            return colon < 0 ? "" : first.substring(colon + 2);
        }

        private String firstLine() {
            return stackTrace.lines().findFirst().orElse("");
        }
    }
}
