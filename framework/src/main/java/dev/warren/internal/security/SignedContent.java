package dev.warren.internal.security;

/**
 * Everything a signature covers: the fields that can redirect or replay work, and the body. The
 * canonical byte form is length-prefixed, so no two different contents encode alike.
 *
 * <pre>{@code
 * SignedContent c = new SignedContent(2, taskId, "com.acme.SumPrimes", dueAt, replyQueue, attempt,
 *         "primes", "task", body);
 * }</pre>
 *
 * @param version the wire format version
 * @param messageId the task id
 * @param type the task type name, or the reply kind
 * @param timestamp milliseconds since the epoch when the message is due
 * @param replyTo the reply queue, or null
 * @param attempt the attempt number, from 1
 * @param destination where the message was sent: a queue or an exchange
 * @param purpose what the message is for there, such as {@code task} or {@code reply:<task id>}
 * @param body the Kryo bytes
 */
public record SignedContent(
        int version,
        String messageId,
        String type,
        long timestamp,
        String replyTo,
        int attempt,
        String destination,
        String purpose,
        byte[] body) {}
