package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer behind an {@link EventSubscription} on one connection: an exclusive, auto-delete
 * queue bound to the channel's fanout exchange, consumed on a channel of its own; the handler gets
 * the events the subscription's {@link EventAdmission} lets through, one at a time.
 */
final class EventSubscriber<E> extends DefaultConsumer {
    private static final Logger log = LoggerFactory.getLogger(EventSubscriber.class);
    private static final int PREFETCH = 200;

    private final EventSubscription<E> subscription;
    private final Consumer<? super E> handler;

    private EventSubscriber(
            Channel channel, EventSubscription<E> subscription, Consumer<? super E> handler) {
        super(channel);
        this.subscription = subscription;
        this.handler = handler;
    }

    /** Binds a queue of its own to {@code exchange} and starts consuming. */
    static <E> EventSubscriber<E> start(
            SyncConnection connection,
            String exchange,
            EventSubscription<E> subscription,
            Consumer<? super E> handler) {
        String primitive = subscription.primitive();
        Channel channel = connection.openChannel(primitive, "subscribe");
        try {
            channel.basicQos(PREFETCH);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "");
            EventSubscriber<E> subscriber = new EventSubscriber<>(channel, subscription, handler);
            channel.basicConsume(queue, false, subscriber);
            return subscriber;
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "subscribe", connection.broker(), e);
        }
    }

    @Override
    public void handleDelivery(
            String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        try {
            E event = subscription.admit(AmqpMessages.envelope(properties, body));
            if (event != null) {
                try {
                    handler.accept(event);
                } catch (RuntimeException e) {
                    log.error("{}: the subscriber's handler failed", subscription.primitive(), e);
                }
            }
        } finally {
            getChannel().basicAck(delivery.getDeliveryTag(), false);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        if (!sig.isInitiatedByApplication()) {
            subscription.consumerLost(this, sig);
        }
    }

    boolean isActive() {
        return getChannel().isOpen();
    }

    void stop() {
        SyncConnection.closeQuietly(getChannel());
    }
}
