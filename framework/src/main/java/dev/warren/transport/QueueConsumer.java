package dev.warren.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A push consumer on its own channel with manual acks and a prefetch limit. */
final class QueueConsumer extends DefaultConsumer implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);

    private final String queue;
    private final DeliveryHandler handler;
    private volatile String consumerTag;
    private volatile boolean stopping;

    private QueueConsumer(Channel channel, String queue, DeliveryHandler handler) {
        super(channel);
        this.queue = queue;
        this.handler = handler;
    }

    static QueueConsumer start(Channel channel, String queue, int prefetch, DeliveryHandler handler)
            throws IOException {
        channel.basicQos(prefetch);
        QueueConsumer consumer = new QueueConsumer(channel, queue, handler);
        consumer.consumerTag = channel.basicConsume(queue, false, consumer);
        return consumer;
    }

    @Override
    public void handleDelivery(
            String tag,
            com.rabbitmq.client.Envelope amqp,
            AMQP.BasicProperties properties,
            byte[] body) {
        Envelope envelope = AmqpMessages.envelope(properties, body);
        Delivery delivery =
                new Delivery(
                        envelope, queue, amqp.isRedeliver(), getChannel(), amqp.getDeliveryTag());
        try {
            handler.handle(delivery);
        } catch (RuntimeException e) {
            log.error(
                    "consumer of {} failed on message {}; it goes back to the queue",
                    queue,
                    envelope.messageId(),
                    e);
            delivery.requeue();
        }
    }

    @Override
    public void handleCancel(String tag) {
        if (!stopping) {
            log.warn("RabbitMQ cancelled the consumer of {} (queue deleted?)", queue);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication()) {
            log.debug(
                    "consumer of {} lost its channel: {}",
                    queue,
                    RabbitExceptions.describe(signal));
        }
    }

    @Override
    public void cancel() {
        stopping = true;
        try {
            if (getChannel().isOpen()) {
                getChannel().basicCancel(consumerTag);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.debug("cancelling the consumer of {}: {}", queue, e.toString());
        }
    }

    @Override
    public void close() {
        cancel();
        try {
            if (getChannel().isOpen()) {
                getChannel().close();
            }
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            log.debug("closing the channel of {}: {}", queue, e.toString());
        }
    }
}
