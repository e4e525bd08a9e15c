package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One genuine message of a queue, delivered and not yet acked on a transactional channel of {@link
 * TxChannels}: the broker gives it back if that channel dies before the commit that settles it.
 * Taking is consuming with prefetch 1 until {@code admit} accepts a message (what it refuses is
 * acked away at once, so it cannot come back to the next taker), then cancelling.
 *
 * @param value what {@code admit} made of the message
 */
record TakenMessage<T>(Channel channel, long deliveryTag, T value) {

    /**
     * Waits until {@code deadline} (null: for ever) for a message of {@code queue} that {@code
     * admit} turns into a value (null: refused); returns null on timeout.
     */
    static <T> TakenMessage<T> take(
            TxChannels channels,
            SyncConnection connection,
            String primitive,
            String queue,
            Function<dev.warren.internal.wire.Envelope, T> admit,
            Deadline deadline) {
        Channel channel = channels.borrow(primitive, deadline);
        CompletableFuture<TakenMessage<T>> delivered = new CompletableFuture<>();
        String consumerTag;
        try {
            consumerTag =
                    channel.basicConsume(
                            queue,
                            false,
                            new DefaultConsumer(channel) {
                                @Override
                                public void handleDelivery(
                                        String tag,
                                        Envelope envelope,
                                        AMQP.BasicProperties properties,
                                        byte[] body)
                                        throws IOException {
                                    T value = admit.apply(AmqpMessages.envelope(properties, body));
                                    if (value == null) {
                                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                                        getChannel().txCommit();
                                        return;
                                    }
                                    delivered.complete(
                                            new TakenMessage<>(
                                                    getChannel(),
                                                    envelope.getDeliveryTag(),
                                                    value));
                                }

                                @Override
                                public void handleCancel(String tag) {
                                    delivered.completeExceptionally(
                                            new CoordinationException(
                                                    primitive
                                                            + ": its queue "
                                                            + queue
                                                            + " was deleted"));
                                }

                                @Override
                                public void handleShutdownSignal(
                                        String tag, ShutdownSignalException sig) {
                                    delivered.completeExceptionally(
                                            SyncFailures.translate(
                                                    primitive, "wait", connection.broker(), sig));
                                }
                            });
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(
                    primitive, "wait in queue " + queue, connection.broker(), e);
        }
        if (!DeliveryWait.arrived(delivered, deadline, channel, primitive, connection.broker())) {
            return null;
        }
        try {
            channel.basicCancel(consumerTag);
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "stop waiting", connection.broker(), e);
        }
        return delivered.join();
    }
}
