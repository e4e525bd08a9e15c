package dev.warren.transport;

import com.rabbitmq.client.AMQP;
import java.util.Date;

/** Maps envelopes to AMQP properties and back; the Warren headers are {@link Headers}' business. */
final class AmqpMessages {
    private static final int PERSISTENT = 2;

    private AmqpMessages() {}

    static AMQP.BasicProperties properties(Envelope envelope) {
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .correlationId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .timestamp(new Date(envelope.timestamp()))
                .deliveryMode(PERSISTENT)
                .contentType("application/x-kryo")
                .headers(Headers.write(envelope))
                .build();
    }

    static Envelope envelope(AMQP.BasicProperties properties, byte[] body) {
        String messageId =
                properties.getMessageId() != null
                        ? properties.getMessageId()
                        : properties.getCorrelationId();
        return Headers.read(
                messageId,
                properties.getType(),
                properties.getReplyTo(),
                properties.getHeaders(),
                body);
    }
}
