package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;

/**
 * The consumer behind a {@link HeldToken}: hands it each genuine token delivered (the grant, then
 * the token coming back after each renewal), removes anything else, and tells it why its channel or
 * queue went away.
 */
final class TokenConsumer extends DefaultConsumer {
    private final HeldToken hold;
    private final Coordinator coordinator;
    private final Binding binding;
    private final String queue;
    private final String primitive;

    TokenConsumer(HeldToken hold, Coordinator coordinator, Binding binding, String queue) {
        super(hold.channel());
        this.hold = hold;
        this.coordinator = coordinator;
        this.binding = binding;
        this.queue = queue;
        this.primitive = hold.primitive();
    }

    @Override
    public void handleDelivery(
            String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        if (!genuine(properties, body)) {
            // removed, or it would come back to the next taker
            hold.removeUntrusted(envelope.getDeliveryTag());
            return;
        }
        hold.delivered(envelope.getDeliveryTag());
    }

    @Override
    public void handleCancel(String tag) {
        // the broker cancels consumers of a deleted queue
        String reason = "its queue " + queue + " was deleted";
        hold.ended(new CoordinationException(primitive + ": " + reason), reason, true);
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        String says = RabbitExceptions.describe(sig);
        String reason =
                BrokerConsumerTimeout.isConsumerTimeoutClose(SyncFailures.replyCode(sig), says)
                        ? coordinator.consumerTimeout().brokerTookItBack(says)
                        : "its channel closed (" + says + ")";
        hold.ended(
                SyncFailures.translate(primitive, "wait", coordinator.broker(), sig),
                reason,
                !sig.isInitiatedByApplication());
    }

    private boolean genuine(AMQP.BasicProperties properties, byte[] body) {
        try {
            coordinator
                    .seals()
                    .open(AmqpMessages.envelope(properties, body), binding, String.class);
            return true;
        } catch (RejectedMessageException e) {
            coordinator.drops().drop(primitive, e.reason().name(), e.getMessage());
            return false;
        }
    }
}
