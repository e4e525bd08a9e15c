package dev.warren.transport;

import com.rabbitmq.client.AMQP;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps envelopes to AMQP properties and back. Lenient on the way in: checks belong to the sealer.
 */
final class AmqpMessages {
    private static final int PERSISTENT = 2;

    private AmqpMessages() {}

    static AMQP.BasicProperties properties(Envelope envelope) {
        Map<String, Object> headers = new HashMap<>(8 + envelope.annotations().size());
        headers.put(Headers.VERSION, envelope.version());
        headers.put(Headers.ATTEMPT, envelope.attempt());
        headers.put(Headers.TIMESTAMP, envelope.timestamp());
        if (envelope.keyId() != null) {
            headers.put(Headers.KEY_ID, envelope.keyId());
        }
        if (envelope.signature() != null) {
            headers.put(
                    Headers.SIGNATURE, Base64.getEncoder().encodeToString(envelope.signature()));
        }
        headers.putAll(envelope.annotations());
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .correlationId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .timestamp(new Date(envelope.timestamp()))
                .deliveryMode(PERSISTENT)
                .contentType("application/x-kryo")
                .headers(headers)
                .build();
    }

    static Envelope envelope(AMQP.BasicProperties properties, byte[] body) {
        Map<String, Object> headers =
                properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        Map<String, String> annotations = new HashMap<>();
        headers.forEach(
                (name, value) -> {
                    if (name.startsWith("x-warren-") && isAnnotation(name) && value != null) {
                        annotations.put(name, value.toString());
                    }
                });
        String messageId =
                properties.getMessageId() != null
                        ? properties.getMessageId()
                        : properties.getCorrelationId();
        return new Envelope(
                intHeader(headers, Headers.VERSION, 0),
                messageId,
                properties.getType(),
                longHeader(headers, Headers.TIMESTAMP, 0L),
                properties.getReplyTo(),
                intHeader(headers, Headers.ATTEMPT, 0),
                stringHeader(headers, Headers.KEY_ID),
                signature(headers),
                body,
                annotations);
    }

    private static boolean isAnnotation(String name) {
        return !name.equals(Headers.VERSION)
                && !name.equals(Headers.ATTEMPT)
                && !name.equals(Headers.TIMESTAMP)
                && !name.equals(Headers.KEY_ID)
                && !name.equals(Headers.SIGNATURE);
    }

    private static byte[] signature(Map<String, Object> headers) {
        String text = stringHeader(headers, Headers.SIGNATURE);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // present but garbled: verification fails with BAD_SIGNATURE
        }
    }

    private static String stringHeader(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    private static int intHeader(Map<String, Object> headers, String name, int missing) {
        Object value = headers.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value != null) {
            try {
                return Integer.parseInt(value.toString());
            } catch (NumberFormatException e) {
                return missing;
            }
        }
        return missing;
    }

    private static long longHeader(Map<String, Object> headers, String name, long missing) {
        Object value = headers.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                return missing;
            }
        }
        return missing;
    }
}
