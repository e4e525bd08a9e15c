package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;

/**
 * Maps envelopes to AMQP properties and back, for tasks and coordination alike; the Warren headers
 * are {@link Headers}' business. Lenient on the way in: the checks belong to {@code
 * MessageSealer.open}.
 */
public final class AmqpMessages {
    private static final int PERSISTENT = 2;
    private static final int TRANSIENT = 1;

    private AmqpMessages() {}

    /** Persistent, as every message of the task path is. */
    public static AMQP.BasicProperties properties(Envelope envelope) {
        return properties(envelope, true);
    }

    public static AMQP.BasicProperties properties(Envelope envelope, boolean persistent) {
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .deliveryMode(persistent ? PERSISTENT : TRANSIENT)
                .headers(Headers.write(envelope))
                .build();
    }

    public static Envelope envelope(AMQP.BasicProperties properties, byte[] body) {
        return Headers.read(
                properties.getMessageId(),
                properties.getType(),
                properties.getReplyTo(),
                properties.getHeaders(),
                body);
    }
}
