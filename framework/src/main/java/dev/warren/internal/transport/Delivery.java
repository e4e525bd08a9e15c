package dev.warren.internal.transport;

import com.rabbitmq.client.AlreadyClosedException;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message handed to a consumer, to be settled exactly once: {@link #ack()}, {@link #requeue()}
 * or {@link #discard()}. Settling after the channel was lost is a no-op: the broker redelivers the
 * message, and the stale delivery tag is never sent on the new channel.
 *
 * <pre>{@code
 * broker.consume("warren.primes", 4, delivery -> {
 *     handle(delivery.envelope());
 *     delivery.ack();
 * });
 * }</pre>
 */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Envelope envelope;
    private final String queue;
    private final boolean redelivered;
    private final Acknowledgements acknowledgements;
    private final long deliveryTag;
    private final AtomicBoolean settled = new AtomicBoolean();

    Delivery(
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

    public Envelope envelope() {
        return envelope;
    }

    /** The broker queue it came from. */
    public String queue() {
        return queue;
    }

    /** Whether the broker delivered this message before (to this or another consumer). */
    public boolean redelivered() {
        return redelivered;
    }

    /**
     * Done with it: the broker forgets the message. The acknowledgement travels with others of the
     * same channel, at the latest a few milliseconds later or when the consumer closes.
     */
    public void ack() {
        settle("ack", () -> acknowledgements.done(deliveryTag));
    }

    /** Give it back: the broker delivers it again, perhaps to another consumer. */
    public void requeue() {
        settle("requeue", () -> acknowledgements.rejected(deliveryTag, true));
    }

    /** Refuse it: the broker dead-letters it through the queue's dead-letter settings. */
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
            log.debug(
                    "could not {} message {} from {} (channel gone; the broker will redeliver it): {}",
                    what,
                    envelope.messageId(),
                    queue,
                    e.toString());
        }
    }
}
