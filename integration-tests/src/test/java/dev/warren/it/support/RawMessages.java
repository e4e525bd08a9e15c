package dev.warren.it.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.testing.TestBroker;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes hand-made messages with the plain RabbitMQ client, as an attacker or a buggy peer
 * would.
 */
public final class RawMessages {
    private RawMessages() {}

    /** The AMQP properties Warren would write for this envelope, to modify before publishing. */
    public static Map<String, Object> headers(Envelope envelope) {
        return new HashMap<>(Headers.write(envelope));
    }

    public static AMQP.BasicProperties properties(Envelope envelope, Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder()
                .messageId(envelope.messageId())
                .type(envelope.type())
                .replyTo(envelope.replyTo())
                .deliveryMode(2)
                .headers(headers)
                .build();
    }

    public static void publish(
            TestBroker broker, String brokerQueue, AMQP.BasicProperties properties, byte[] body)
            throws Exception {
        try (Connection connection = broker.rawConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("", brokerQueue, true, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }
}
