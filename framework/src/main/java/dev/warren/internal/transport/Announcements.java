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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Broadcasts through a fanout exchange: every listener gets every message, no listener's queue
 * keeps them for later, and nothing is confirmed. Right for announcements that are repeated anyway,
 * such as worker heartbeats; wrong for work. A publisher may also keep the last minutes of them in
 * a stream ({@link #keepRecent}), for a listener that starts late to {@link #recall} them. The
 * messages are sealed envelopes like tasks, so listeners verify who sent them.
 *
 * <pre>{@code
 * Announcements beats = Announcements.on(broker, "warren.heartbeats", Duration.ofSeconds(15));
 * beats.keepRecent(Duration.ofMinutes(5));
 * beats.publish(broker.sealer().seal(payload, id, "warren.heartbeat", now, null, 1));
 * try (Subscription s = beats.listen(envelope -> show(broker.sealer().open(envelope)))) { ... }
 * Optional<Subscription> past = beats.recall(now - 120_000, envelope -> show(...));
 * }</pre>
 */
public final class Announcements {
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(Announcements.class);

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

    /** The stream that keeps the recent announcements, for {@link #recall}. */
    public String recentStream() {
        return exchange + ".recent";
    }

    /**
     * Keeps what is announced from now on, for {@code retention}, in the stream {@link
     * #recentStream()} bound to the exchange, so that a listener that starts later can read the
     * recent past at once ({@link #recall}) instead of waiting for the next round. Idempotent. Best
     * effort: a broker that cannot (no streams, or the stream exists with other settings) gets a
     * line in the log, and listeners wait for the next round as before.
     */
    public void keepRecent(Duration retention) {
        String stream = recentStream();
        Map<String, Object> args =
                Map.of(
                        "x-queue-type",
                        "stream",
                        "x-max-age",
                        Math.max(1, retention.toSeconds()) + "s",
                        "x-max-length-bytes",
                        50_000_000L,
                        "x-stream-max-segment-size-bytes",
                        1_000_000);
        try (Channel ch = broker.publishingConnection().createChannel()) {
            declare(ch);
            ch.queueDeclare(stream, true, false, false, args);
            ch.queueBind(stream, exchange, "");
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log.info(
                    "announcements on {} are not kept in the stream {} ({}): readers wait for"
                            + " the next ones",
                    exchange,
                    stream,
                    RabbitExceptions.translate(
                                    "keep " + stream, broker.config().brokerAddressForHumans(), e)
                            .getMessage());
        }
    }

    /**
     * Reads the announcements kept since {@code fromMillis} ({@link #keepRecent}), then follows the
     * new ones; empty when nothing keeps them here. {@code listener} runs on the client's dispatch
     * thread, and may see an announcement twice.
     */
    public Optional<Subscription> recall(long fromMillis, Consumer<Envelope> listener) {
        if (broker.topology().inspect(recentStream()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(broker.follow(recentStream(), fromMillis, listener));
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
