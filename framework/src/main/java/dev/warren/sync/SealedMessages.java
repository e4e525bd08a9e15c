package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import dev.warren.transport.Envelope;
import dev.warren.transport.Headers;
import java.util.Date;

/**
 * Maps signed envelopes to AMQP properties and back, with the same {@link Headers} as task
 * messages, for the primitives whose messages carry data (event channels, shared maps). Lenient on
 * the way in: the checks belong to {@code MessageSealer.open}.
 */
final class SealedMessages {
    private SealedMessages() {}

    static AMQP.BasicProperties properties(Envelope envelope, boolean persistent) {
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .timestamp(new Date(envelope.timestamp()))
                .deliveryMode(persistent ? 2 : 1)
                .contentType("application/x-kryo")
                .headers(Headers.write(envelope))
                .build();
    }

    static Envelope envelope(AMQP.BasicProperties properties, byte[] body) {
        return Headers.read(
                properties.getMessageId(),
                properties.getType(),
                properties.getReplyTo(),
                properties.getHeaders(),
                body);
    }
}
