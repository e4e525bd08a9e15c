package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import dev.warren.transport.Envelope;
import dev.warren.transport.Headers;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps signed envelopes to AMQP properties and back, with the same {@link Headers} as task
 * messages, for the primitives whose messages carry data (event channels, shared maps). Lenient on
 * the way in: the checks belong to {@code MessageSealer.open}.
 */
final class SealedMessages {
    private SealedMessages() {}

    static AMQP.BasicProperties properties(Envelope envelope, boolean persistent) {
        Map<String, Object> headers = new HashMap<>(8);
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
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .timestamp(new Date(envelope.timestamp()))
                .deliveryMode(persistent ? 2 : 1)
                .contentType("application/x-kryo")
                .headers(headers)
                .build();
    }

    static Envelope envelope(AMQP.BasicProperties properties, byte[] body) {
        Map<String, Object> headers =
                properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        return new Envelope(
                (int) number(headers.get(Headers.VERSION)),
                properties.getMessageId(),
                properties.getType(),
                number(headers.get(Headers.TIMESTAMP)),
                properties.getReplyTo(),
                (int) number(headers.get(Headers.ATTEMPT)),
                text(headers.get(Headers.KEY_ID)),
                signature(text(headers.get(Headers.SIGNATURE))),
                body,
                Map.of());
    }

    private static byte[] signature(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // garbled: verification fails with BAD_SIGNATURE
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
