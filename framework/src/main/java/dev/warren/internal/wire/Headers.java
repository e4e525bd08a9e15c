package dev.warren.internal.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of Warren's AMQP headers: the wire contract every producer and worker shares, version
 * {@value #WIRE_VERSION} (see {@code docs/security.md}, "Wire format").
 *
 * <pre>{@code
 * Object reason = properties.getHeaders().get(Headers.DEAD_REASON);
 * }</pre>
 */
public final class Headers {
    /** The wire format version this code writes and reads. */
    public static final int WIRE_VERSION = 2;

    public static final String VERSION = "x-warren-v";
    public static final String KEY_ID = "x-warren-key";

    /** The HMAC, as bytes (AMQP field type {@code x}). */
    public static final String SIGNATURE = "x-warren-sig";

    /** Where the message was signed to go: a logical queue, a broker queue or an exchange. */
    public static final String DESTINATION = "x-warren-to";

    /** What the message was signed to be there: {@code task}, {@code reply:<task id>}, ... */
    public static final String PURPOSE = "x-warren-for";

    public static final String ATTEMPT = "x-warren-attempt";

    /**
     * Milliseconds since the epoch when the message is due (AMQP's own timestamp has only seconds).
     */
    public static final String TIMESTAMP = "x-warren-ts";

    /**
     * Set on dead letters: a {@link RejectReason} name. This and the other dead-letter headers are
     * unsigned copies for people; the signed ones are in the dead letter's body.
     */
    public static final String DEAD_REASON = "x-warren-dead-reason";

    /** Set on dead letters: one line saying what went wrong. */
    public static final String DEAD_DETAIL = "x-warren-dead-detail";

    /** Set on dead letters: the queue (logical name) the message was taken from. */
    public static final String ORIGIN_QUEUE = "x-warren-queue";

    /** Set on dead letters of failed tasks: the last error's stack trace. */
    public static final String LAST_ERROR = "x-warren-last-error";

    /** Set on messages a worker dead-letters: when, in milliseconds since the epoch. */
    public static final String DEAD_AT = "x-warren-dead-at";

    /** The AMQP type of a dead letter sealed by a worker; its body is the worker's record. */
    public static final String DEAD_LETTER = "warren.dead-letter";

    /** The AMQP type of a reply carrying a task's result. */
    public static final String REPLY_SUCCEEDED = "warren.reply.succeeded";

    /** The AMQP type of a reply carrying a failure record. */
    public static final String REPLY_FAILED = "warren.reply.failed";

    /** The AMQP type of a reply saying that a worker verified the task and refused it. */
    public static final String REPLY_REFUSED = "warren.reply.refused";

    private Headers() {}

    /**
     * The AMQP headers carrying an envelope's signed fields, signature and annotations; the rest of
     * the envelope travels in the standard AMQP properties (message id, type, reply-to).
     */
    public static Map<String, Object> write(Envelope envelope) {
        Map<String, Object> headers = new HashMap<>(8 + envelope.annotations().size());
        headers.put(VERSION, envelope.version());
        headers.put(ATTEMPT, envelope.attempt());
        headers.put(TIMESTAMP, envelope.timestamp());
        putIfPresent(headers, DESTINATION, envelope.binding().destination());
        putIfPresent(headers, PURPOSE, envelope.binding().purpose());
        if (envelope.keyId() != null) {
            headers.put(KEY_ID, envelope.keyId());
        }
        if (envelope.signature() != null) {
            headers.put(SIGNATURE, envelope.signature());
        }
        headers.putAll(envelope.annotations());
        return headers;
    }

    /**
     * The envelope of a received message. Lenient: missing or garbled values become zero or null
     * and fail verification later, in {@link MessageSealer#open}, which names the problem.
     */
    public static Envelope read(
            String messageId,
            String type,
            String replyTo,
            Map<String, Object> headers,
            byte[] body) {
        Map<String, Object> all = headers == null ? Map.of() : headers;
        Map<String, String> annotations = new HashMap<>();
        all.forEach(
                (name, value) -> {
                    if (name.startsWith("x-warren-") && !SIGNED.contains(name) && value != null) {
                        annotations.put(name, value.toString());
                    }
                });
        return new Envelope(
                (int) number(all.get(VERSION)),
                messageId,
                type,
                number(all.get(TIMESTAMP)),
                replyTo,
                (int) number(all.get(ATTEMPT)),
                new Binding(text(all.get(DESTINATION)), text(all.get(PURPOSE))),
                text(all.get(KEY_ID)),
                signature(all.get(SIGNATURE)),
                body,
                annotations);
    }

    private static final Set<String> SIGNED =
            Set.of(VERSION, ATTEMPT, TIMESTAMP, KEY_ID, SIGNATURE, DESTINATION, PURPOSE);

    /** Bytes as written; anything else present is garbled and fails with BAD_SIGNATURE. */
    private static byte[] signature(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes.clone() : new byte[0];
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
