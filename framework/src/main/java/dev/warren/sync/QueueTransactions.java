package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two changes of a distributed queue, each one transaction on one channel, so a process that
 * dies half-way changes nothing: a put takes a free slot (when bounded) and publishes the item and
 * its unfinished marker; marking an item done acks it, removes one unfinished marker and gives a
 * slot back. Uncommitted acks come back to the queue with the channel.
 */
final class QueueTransactions<E> {
    private static final Logger log = LoggerFactory.getLogger(QueueTransactions.class);
    private static final int TAKEN_AT_MOST = 1_000; // forged markers removed per done, at most

    private final SyncConnection connection;
    private final QueueAddresses queue;
    private final QueueMessages<E> messages;
    private final TxChannels channels;
    private final boolean bounded;

    /** A put whose commit was cut: the item may or may not be in the queue. */
    private static final class UncertainCommit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncertainCommit(CoordinationException cause) {
            super(cause);
        }
    }

    QueueTransactions(
            SyncConnection connection,
            QueueAddresses queue,
            QueueMessages<E> messages,
            TxChannels channels,
            boolean bounded) {
        this.connection = connection;
        this.queue = queue;
        this.messages = messages;
        this.channels = channels;
        this.bounded = bounded;
    }

    /**
     * Puts the sealed item, waiting for a free slot until {@code deadline} (null: for ever), also
     * across lost connections; false when no slot came in time.
     */
    boolean put(Envelope item, Deadline deadline) {
        try {
            return AcrossLosses.run(connection, deadline, () -> putOnce(item, deadline));
        } catch (UncertainCommit e) {
            CoordinationException cause = (CoordinationException) e.getCause();
            throw new CoordinationException(
                    queue.primitive()
                            + ": the connection was lost while item "
                            + item.messageId()
                            + " was being committed; it may or may not be in the queue ("
                            + cause.getMessage()
                            + ")",
                    cause);
        }
    }

    private boolean putOnce(Envelope item, Deadline deadline) {
        String primitive = queue.primitive();
        Channel channel;
        long slotTag = -1;
        if (bounded) {
            TakenMessage<Boolean> slot =
                    TakenMessage.take(
                            channels,
                            connection,
                            primitive,
                            queue.slots(),
                            envelope -> messages.isSlot(envelope) ? Boolean.TRUE : null,
                            deadline);
            if (slot == null) {
                return false;
            }
            channel = slot.channel();
            slotTag = slot.deliveryTag();
        } else {
            channel = channels.borrow(primitive, deadline);
        }
        try {
            publish(channel, queue.items(), item);
            publish(channel, queue.unfinished(), messages.marker(System.currentTimeMillis()));
            if (slotTag >= 0) {
                channel.basicAck(slotTag, false);
            }
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "put an item", connection.broker(), e);
        }
        try {
            channel.txCommit();
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw new UncertainCommit(
                    SyncFailures.translate(primitive, "commit a put", connection.broker(), e));
        }
        channels.giveBack(channel);
        return true;
    }

    /**
     * Marks a taken item done. False when it could not: its channel died first, so the broker has
     * put the item back in the queue for the next taker (and it stays unfinished).
     */
    boolean done(TakenMessage<E> taken) {
        Channel channel = taken.channel();
        if (!channel.isOpen()) {
            return false;
        }
        try {
            removeOneMarker(channel);
            channel.basicAck(taken.deliveryTag(), false);
            if (bounded) {
                publish(channel, queue.slots(), messages.slot(System.currentTimeMillis()));
            }
            channel.txCommit();
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            log.warn(
                    "{}: could not mark an item done ({}); it goes back to the queue and will be"
                            + " taken again",
                    queue.primitive(),
                    e.toString());
            return false;
        }
        channels.giveBack(channel);
        return true;
    }

    /** Takes one genuine marker off the unfinished queue, in the open transaction. */
    private void removeOneMarker(Channel channel) throws IOException {
        for (int i = 0; i < TAKEN_AT_MOST; i++) {
            GetResponse got = channel.basicGet(queue.unfinished(), false);
            if (got == null) {
                log.warn(
                        "{}: no unfinished marker left in {} while an item was marked done (were"
                                + " markers removed by hand?); join() may return early",
                        queue.primitive(),
                        queue.unfinished());
                return;
            }
            channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
            if (messages.isMarker(AmqpMessages.envelope(got.getProps(), got.getBody()))) {
                return;
            }
        }
    }

    private static void publish(Channel channel, String queue, Envelope sealed) throws IOException {
        channel.basicPublish("", queue, AmqpMessages.properties(sealed, true), sealed.body());
    }
}
