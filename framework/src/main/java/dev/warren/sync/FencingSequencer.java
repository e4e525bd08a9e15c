package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.time.Duration;

/**
 * Grants fencing tokens from sequencer queues holding one counter message each: take the counter c,
 * then in one transaction ack it and publish c+1; c+1 is the token, usable only after the commit. A
 * holder that dies before the commit gives c back, so no token repeats. One transactional channel,
 * used by one grant at a time.
 */
final class FencingSequencer {
    private static final Duration COUNTER_RETURN_WAIT = Duration.ofSeconds(5);
    private static final long RETRY_PAUSE_MILLIS = 2;

    private final SyncConnection connection;
    private Channel channel; // guarded by this; transactional

    FencingSequencer(SyncConnection connection) {
        this.connection = connection;
    }

    synchronized long nextToken(String sequencerQueue, String primitive) {
        Deadline deadline = Deadline.in(COUNTER_RETURN_WAIT);
        while (true) {
            Channel tx = transactionalChannel(primitive);
            try {
                GetResponse counter = tx.basicGet(sequencerQueue, false);
                if (counter != null) {
                    long next =
                            FencingCounter.parse(counter.getBody(), sequencerQueue, primitive) + 1;
                    tx.basicAck(counter.getEnvelope().getDeliveryTag(), false);
                    tx.basicPublish(
                            "",
                            sequencerQueue,
                            MessageProperties.PERSISTENT_BASIC,
                            FencingCounter.encode(next));
                    tx.txCommit();
                    return next;
                }
            } catch (IOException | RuntimeException e) {
                // the ack may be pending in an open transaction: only closing the channel gives
                // the counter back
                SyncConnection.abortQuietly(tx);
                channel = null;
                throw SyncFailures.translate(
                        primitive, "take a fencing token", connection.broker(), e);
            }
            // after a holder crash the lock can come back a moment before the counter
            if (deadline.hasPassed()) {
                throw new CoordinationException(
                        primitive
                                + ": the fencing counter in queue "
                                + sequencerQueue
                                + " did not come back within "
                                + COUNTER_RETURN_WAIT.toSeconds()
                                + " s (deleted, or taken by a holder that is frozen?)");
            }
            Deadline.pause(RETRY_PAUSE_MILLIS);
        }
    }

    private Channel transactionalChannel(String primitive) {
        if (channel == null || !channel.isOpen()) {
            Channel opened = connection.openChannel(primitive, "open the sequencer channel");
            try {
                opened.txSelect();
            } catch (IOException | RuntimeException e) {
                SyncConnection.closeQuietly(opened);
                throw SyncFailures.translate(
                        primitive, "start a transaction", connection.broker(), e);
            }
            channel = opened;
        }
        return channel;
    }
}
