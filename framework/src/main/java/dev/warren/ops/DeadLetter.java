package dev.warren.ops;

/**
 * One message in a dead-letter queue, as {@link DeadLetters#list} shows it: what it was, why it is
 * there, and whether its signature still verifies with this process's keys.
 *
 * <pre>{@code
 * for (DeadLetter d : DeadLetters.of(broker).list("primes", 100)) {
 *     System.out.println(d.id() + " " + d.reason() + " " + d.lastErrorLine());
 * }
 * }</pre>
 *
 * @param id the task id (message id)
 * @param type the task class name as the message says (unverified when {@link #verified()} is
 *     false)
 * @param attempt the attempt that ended here
 * @param reason a reason name (such as {@code BAD_SIGNATURE}), or {@code broker:<why>} when
 *     RabbitMQ dead-lettered it itself
 * @param detail one line saying what went wrong
 * @param lastErrorLine the first line of the last error's stack trace, or empty
 * @param deadAt when it was dead-lettered, milliseconds since the epoch, or 0 if unknown
 * @param signatureProblem null when the signature verifies with this process's keys, else why not
 *     (a reason name (such as {@code BAD_SIGNATURE}) and a sentence)
 */
public record DeadLetter(
        String id,
        String type,
        int attempt,
        String reason,
        String detail,
        String lastErrorLine,
        long deadAt,
        String signatureProblem) {

    /** Whether the original signature verifies with this process's keys. */
    public boolean verified() {
        return signatureProblem == null;
    }
}
