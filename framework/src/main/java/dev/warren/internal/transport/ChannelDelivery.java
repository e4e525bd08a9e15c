package dev.warren.internal.transport;

import com.rabbitmq.client.AlreadyClosedException;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery on one consumer channel, settled through that channel's {@link Acknowledgements}.
 * Settling after the channel was lost is a no-op: the broker redelivers the message, and the stale
 * delivery tag is never sent on the new channel.
 */
final class ChannelDelivery implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);

    private final Envelope envelope;
    private final String queue;
    private final boolean redelivered;
    private final Acknowledgements acknowledgements;
    private final long deliveryTag;
    private final AtomicBoolean settled = new AtomicBoolean();

    ChannelDelivery(
            Envelope envelope,
            String queue,
            boolean redelivered,
            Acknowledgements acknowledgements,
            long deliveryTag,
            boolean settledByConsumer) {
        this.envelope = envelope;
        this.queue = queue;
        this.redelivered = redelivered;
        this.acknowledgements = acknowledgements;
        this.deliveryTag = deliveryTag;
        this.settled.set(settledByConsumer);
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public boolean redelivered() {
        return redelivered;
    }

    /**
     * The acknowledgement travels with others of the same channel, at the latest a few milliseconds
     * later or when the consumer closes.
     */
    @Override
    public void ack() {
        settle("ack", () -> acknowledgements.done(deliveryTag));
    }

    @Override
    public void requeue() {
        settle("requeue", () -> acknowledgements.rejected(deliveryTag, true));
    }

    @Override
    public void discard() {
        settle("discard", () -> acknowledgements.rejected(deliveryTag, false));
    }

    private interface Settlement {
        void run() throws IOException;
    }

    private void settle(String what, Settlement settlement) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            settlement.run();
        } catch (IOException | AlreadyClosedException e) {
            log.trace(
                    "could not {} message {} from {} (channel gone; the broker will redeliver it): {}",
                    what,
                    envelope.messageId(),
                    queue,
                    e.toString());
        }
    }
}
