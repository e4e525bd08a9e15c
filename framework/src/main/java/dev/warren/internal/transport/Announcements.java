package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.BrokerUnavailableException;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Broadcasts through a fanout exchange: every listener gets every message, nobody queues them for
 * later, and nothing is confirmed. Right for announcements that are repeated anyway, such as worker
 * heartbeats; wrong for work. The messages are sealed envelopes like tasks, so listeners verify who
 * sent them.
 *
 * <pre>{@code
 * Announcements beats = Announcements.on(broker, "warren.heartbeats", Duration.ofSeconds(15));
 * beats.publish(broker.sealer().seal(payload, id, "warren.heartbeat", now, null, 1));
 * try (Subscription s = beats.listen(envelope -> show(broker.sealer().open(envelope)))) { ... }
 * }</pre>
 */
public final class Announcements {
    private final BrokerLink broker;
    private final String exchange;
    private final Duration lifetime;
    private final Object lock = new Object();
    private Channel channel; // guarded by lock

    private Announcements(BrokerLink broker, String exchange, Duration lifetime) {
        this.broker = broker;
        this.exchange = exchange;
        this.lifetime = lifetime;
    }

    /**
     * The fanout exchange {@code exchange} (declared durable, so every process may declare it);
     * messages older than {@code lifetime} are dropped unread.
     */
    public static Announcements on(BrokerLink broker, String exchange, Duration lifetime) {
        return new Announcements(broker, exchange, lifetime);
    }

    /**
     * Sends one announcement to everyone listening now; best effort (not persistent, not
     * confirmed).
     *
     * @throws BrokerUnavailableException while the connection is down
     */
    public void publish(Envelope envelope) {
        AMQP.BasicProperties properties =
                AmqpMessages.properties(envelope)
                        .builder()
                        .deliveryMode(1)
                        .expiration(Long.toString(lifetime.toMillis()))
                        .build();
        synchronized (lock) {
            try {
                if (channel == null || !channel.isOpen()) {
                    channel = broker.publishingConnection().createChannel();
                    declare(channel);
                }
                channel.basicPublish(exchange, "", false, properties, envelope.body());
            } catch (IOException | AlreadyClosedException e) {
                channel = null;
                throw RabbitExceptions.translate(
                        "announce on " + exchange, broker.config().brokerAddressForHumans(), e);
            }
        }
    }

    /**
     * Listens from now on: a private queue (deleted when the listener closes or its connection
     * dies) bound to the exchange. {@code listener} runs on the client's dispatch thread.
     */
    public Subscription listen(Consumer<Envelope> listener) {
        Connection connection = broker.consumingConnection();
        try {
            Channel ch = connection.createChannel();
            declare(ch);
            String queue =
                    ch.queueDeclare(
                                    "",
                                    false,
                                    true,
                                    true,
                                    Map.of("x-message-ttl", lifetime.toMillis()))
                            .getQueue();
            ch.queueBind(queue, exchange, "");
            return QueueConsumer.start(
                    connection,
                    queue,
                    100,
                    delivery -> {
                        try {
                            listener.accept(delivery.envelope());
                        } finally {
                            delivery.ack();
                        }
                    });
        } catch (IOException | RuntimeException e) {
            throw RabbitExceptions.translate(
                    "listen on " + exchange, broker.config().brokerAddressForHumans(), e);
        }
    }

    private void declare(Channel ch) throws IOException {
        ch.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, true);
    }

    /** Closes the publishing channel; listeners close through their {@link Subscription}. */
    public void close() {
        synchronized (lock) {
            if (channel != null && channel.isOpen()) {
                try {
                    channel.close();
                } catch (IOException
                        | java.util.concurrent.TimeoutException
                        | AlreadyClosedException e) {
                    // closing anyway; the connection owns it
                }
            }
            channel = null;
        }
    }
}
