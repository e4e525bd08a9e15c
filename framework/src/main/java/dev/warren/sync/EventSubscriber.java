package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.RabbitExceptions;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to an {@link EventChannel}: an exclusive, auto-delete queue bound to the
 * channel's fanout exchange, consumed on a channel of its own; the handler gets the events its
 * {@link EventAdmission} lets through, one at a time.
 */
final class EventSubscriber<E> extends DefaultConsumer implements EventChannel.Subscription {
    private static final Logger log = LoggerFactory.getLogger(EventSubscriber.class);
    private static final int PREFETCH = 200;

    private final String primitive;
    private final EventAdmission<E> admission;
    private final DropLog drops;
    private final Consumer<? super E> handler;
    private final Consumer<EventSubscriber<E>> onClose;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private EventSubscriber(
            Channel channel,
            String primitive,
            EventAdmission<E> admission,
            DropLog drops,
            Consumer<? super E> handler,
            Consumer<EventSubscriber<E>> onClose) {
        super(channel);
        this.primitive = primitive;
        this.admission = admission;
        this.drops = drops;
        this.handler = handler;
        this.onClose = onClose;
    }

    /** Binds a queue of its own to {@code exchange} and starts consuming. */
    static <E> EventSubscriber<E> start(
            SyncConnection connection,
            String primitive,
            String exchange,
            EventAdmission<E> admission,
            DropLog drops,
            Consumer<? super E> handler,
            Consumer<EventSubscriber<E>> onClose) {
        Channel channel = connection.openChannel(primitive, "subscribe");
        try {
            channel.basicQos(PREFETCH);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "");
            EventSubscriber<E> subscriber =
                    new EventSubscriber<>(channel, primitive, admission, drops, handler, onClose);
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
            EventAdmission.Verdict<E> verdict =
                    admission.admit(
                            AmqpMessages.envelope(properties, body), System.currentTimeMillis());
            if (verdict.admitted()) {
                received.incrementAndGet();
                try {
                    handler.accept(verdict.event());
                } catch (RuntimeException e) {
                    log.error("{}: the subscriber's handler failed", primitive, e);
                }
            } else {
                dropped.incrementAndGet();
                drops.drop(primitive, verdict.cause(), verdict.dropReason());
            }
        } finally {
            getChannel().basicAck(delivery.getDeliveryTag(), false);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        if (!closed && !sig.isInitiatedByApplication()) {
            log.warn("{}: a subscription ended: {}", primitive, RabbitExceptions.describe(sig));
        }
    }

    @Override
    public long receivedCount() {
        return received.get();
    }

    @Override
    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public boolean isActive() {
        return !closed && getChannel().isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
        SyncConnection.closeQuietly(getChannel());
    }
}
