package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push consumer with manual acks and a prefetch limit, on a channel of its own. Automatic
 * recovery restores it after a lost connection; a channel the broker closes on its own (for example
 * when a delivery stays unacknowledged past {@code consumer_timeout}) is not recovered by the
 * client, so this class opens a new channel and consumes again. Deliveries of the closed channel
 * are redelivered by the broker.
 */
final class QueueConsumer implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);

    private final Connection connection;
    private final String queue;
    private final int prefetch;
    private final DeliveryHandler handler;
    private final boolean acknowledgeAfterHandler;
    private final boolean exclusive;
    private volatile ChannelConsumer current;
    private volatile boolean stopping;

    private QueueConsumer(
            Connection connection,
            String queue,
            int prefetch,
            DeliveryHandler handler,
            boolean acknowledgeAfterHandler,
            boolean exclusive) {
        this.connection = connection;
        this.queue = queue;
        this.prefetch = prefetch;
        this.handler = handler;
        this.acknowledgeAfterHandler = acknowledgeAfterHandler;
        this.exclusive = exclusive;
    }

    static QueueConsumer start(
            Connection connection, String queue, int prefetch, DeliveryHandler handler)
            throws IOException {
        return start(connection, queue, prefetch, handler, false, false);
    }

    /**
     * With {@code acknowledgeAfterHandler}, the consumer acknowledges each delivery itself once the
     * handler has returned, many per frame, and the handler's own settling calls do nothing. An
     * {@code exclusive} consumer is the queue's only one: starting it fails while the queue has
     * another consumer, and no other consumer can start while it runs. Automatic recovery and
     * consuming again after a channel closed keep it exclusive.
     */
    static QueueConsumer start(
            Connection connection,
            String queue,
            int prefetch,
            DeliveryHandler handler,
            boolean acknowledgeAfterHandler,
            boolean exclusive)
            throws IOException {
        QueueConsumer consumer =
                new QueueConsumer(
                        connection, queue, prefetch, handler, acknowledgeAfterHandler, exclusive);
        consumer.current = consumer.subscribe();
        return consumer;
    }

    private ChannelConsumer subscribe() throws IOException {
        Channel channel = connection.createChannel();
        channel.basicQos(prefetch);
        ChannelConsumer consumer = new ChannelConsumer(channel);
        consumer.tag = channel.basicConsume(queue, false, "", false, exclusive, null, consumer);
        return consumer;
    }

    private void onChannelClosedByBroker(ShutdownSignalException signal) {
        log.warn(
                "RabbitMQ closed the channel consuming {} ({}); its unacknowledged messages will be"
                        + " redelivered; consuming again on a new channel",
                queue,
                RabbitExceptions.describe(signal));
        Thread restart =
                new Thread(
                        () -> {
                            for (int attempt = 1; !stopping && connection.isOpen(); attempt++) {
                                try {
                                    current = subscribe();
                                    return;
                                } catch (IOException | AlreadyClosedException e) {
                                    log.warn(
                                            "consuming {} again failed (attempt {}): {}",
                                            queue,
                                            attempt,
                                            e.toString());
                                    sleepQuietly(Math.min(5000, 200L * attempt));
                                }
                            }
                        },
                        "warren-resubscribe-" + queue);
        restart.setDaemon(true);
        restart.start();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cancel() {
        stopping = true;
        ChannelConsumer consumer = current;
        try {
            if (consumer.getChannel().isOpen()) {
                consumer.getChannel().basicCancel(consumer.tag);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.debug("cancelling the consumer of {}: {}", queue, e.toString());
        }
    }

    @Override
    public void close() {
        cancel();
        current.acks.flushNow();
        try {
            if (current.getChannel().isOpen()) {
                current.getChannel().close();
            }
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            log.debug("closing the channel of {}: {}", queue, e.toString());
        }
    }

    private final class ChannelConsumer extends DefaultConsumer {
        private volatile String tag;
        private final Acknowledgements acks;

        ChannelConsumer(Channel channel) {
            super(channel);
            this.acks = Acknowledgements.on(channel, prefetch);
        }

        @Override
        public void handleDelivery(
                String consumerTag,
                com.rabbitmq.client.Envelope amqp,
                AMQP.BasicProperties properties,
                byte[] body) {
            Envelope envelope = AmqpMessages.envelope(properties, body);
            long tag = amqp.getDeliveryTag();
            acks.delivered(tag);
            Delivery delivery =
                    new ChannelDelivery(
                            envelope,
                            queue,
                            amqp.isRedeliver(),
                            acks,
                            tag,
                            acknowledgeAfterHandler);
            if (acknowledgeAfterHandler) {
                try {
                    handler.handle(delivery);
                } catch (RuntimeException | Error e) {
                    log.error(
                            "consumer of {} failed on message {}", queue, envelope.messageId(), e);
                }
                acks.done(tag);
                return;
            }
            try {
                handler.handle(delivery);
            } catch (RuntimeException | Error e) {
                // thrown on into the client library, an Error would close this channel as if the
                // application had, and nothing would consume again
                log.error(
                        "consumer of {} failed on message {}; it goes back to the queue",
                        queue,
                        envelope.messageId(),
                        e);
                delivery.requeue();
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            if (!stopping) {
                log.warn("RabbitMQ cancelled the consumer of {} (queue deleted?)", queue);
            }
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
            if (signal.isInitiatedByApplication() || stopping) {
                return;
            }
            if (signal.isHardError()) {
                log.debug(
                        "consumer of {} lost its connection; automatic recovery restores it",
                        queue);
            } else {
                onChannelClosedByBroker(signal);
            }
        }
    }
}
