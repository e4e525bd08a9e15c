package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grants fencing tokens from sequencer queues holding one counter message each: take everything in
 * the queue (normally the counter c alone), then in one transaction ack it all and publish c+1,
 * where c is the highest genuine counter found; c+1 is the token, usable only after the commit. A
 * holder that dies before the commit gives c back, so no token repeats. Messages that do not verify
 * are acked away and counted, never read as a counter. One transactional channel, used by one grant
 * at a time.
 */
final class FencingSequencer {
    private static final Duration COUNTER_RETURN_WAIT = Duration.ofSeconds(5);
    private static final long RETRY_PAUSE_MILLIS = 2;
    private static final int TAKEN_AT_MOST = 1_000; // per round: a flood of forgeries is bounded

    private final SyncConnection connection;
    private final DropLog drops;
    private Channel channel; // guarded by this; transactional

    FencingSequencer(SyncConnection connection, DropLog drops) {
        this.connection = connection;
        this.drops = drops;
    }

    synchronized long nextToken(String sequencerQueue, FencingCounter counter, String primitive) {
        Deadline deadline = Deadline.in(COUNTER_RETURN_WAIT);
        while (true) {
            Channel tx = transactionalChannel(primitive);
            try {
                List<Envelope> found = takeAll(tx, sequencerQueue);
                FencingCounter.Reading reading = counter.read(found);
                for (RejectedMessageException e : reading.refused()) {
                    drops.drop(primitive, e.reason().name(), e.getMessage());
                }
                if (reading.highest().isPresent()) {
                    long next = reading.highest().getAsLong() + 1;
                    Envelope sealed = counter.seal(next, System.currentTimeMillis());
                    tx.basicPublish(
                            "",
                            sequencerQueue,
                            AmqpMessages.properties(sealed, true),
                            sealed.body());
                    tx.txCommit();
                    return next;
                }
                if (!found.isEmpty()) {
                    tx.txCommit(); // removes the forgeries; the counter itself is still away
                    if (found.size() == TAKEN_AT_MOST) {
                        continue;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the acks may be pending in an open transaction: only closing the channel gives
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

    /** The ready messages of the queue (up to a bound), each acked in the open transaction. */
    private static List<Envelope> takeAll(Channel tx, String queue) throws IOException {
        List<Envelope> found = new ArrayList<>(1);
        GetResponse got;
        while (found.size() < TAKEN_AT_MOST && (got = tx.basicGet(queue, false)) != null) {
            tx.basicAck(got.getEnvelope().getDeliveryTag(), false);
            found.add(AmqpMessages.envelope(got.getProps(), got.getBody()));
        }
        return found;
    }

    private Channel transactionalChannel(String primitive) {
        if (channel == null || !channel.isOpen()) {
            channel = connection.openTransactionalChannel(primitive, "open the sequencer channel");
        }
        return channel;
    }
}
