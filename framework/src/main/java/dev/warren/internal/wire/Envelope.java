package dev.warren.internal.wire;

import java.util.Map;

/**
 * One Warren message as it travels: the signed fields, the signature and the encoded body, plus
 * unsigned annotations (dead-letter reasons). No RabbitMQ types: the transport maps it to and from
 * AMQP.
 *
 * <pre>{@code
 * Envelope sealed = sealer.seal(new Heading(id, type, now, replyQueue, 1, Binding.of("primes", "task")), task);
 * }</pre>
 *
 * @param version wire format version, {@link Headers#WIRE_VERSION} when written by this code
 * @param messageId the task id
 * @param type the task class name, or a reply kind
 * @param timestamp milliseconds since the epoch when the message is due
 * @param replyTo reply queue, or null
 * @param attempt attempt number from 1
 * @param binding where it was sent and what it is for there, as signed; never null
 * @param keyId id of the signing key, or null when unsigned
 * @param signature HMAC bytes, or null when unsigned
 * @param body encoded payload
 * @param annotations unsigned extra headers, such as {@link Headers#DEAD_REASON}
 */
public record Envelope(
        int version,
        String messageId,
        String type,
        long timestamp,
        String replyTo,
        int attempt,
        Binding binding,
        String keyId,
        byte[] signature,
        byte[] body,
        Map<String, String> annotations) {

    public Envelope {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        binding = binding == null ? new Binding(null, null) : binding;
        body = body == null ? new byte[0] : body;
    }

    /** The same message with more annotations (they are not signed). */
    public Envelope annotate(Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.HashMap<>(annotations);
        all.putAll(more);
        return new Envelope(
                version, messageId, type, timestamp, replyTo, attempt, binding, keyId, signature,
                body, all);
    }
}
