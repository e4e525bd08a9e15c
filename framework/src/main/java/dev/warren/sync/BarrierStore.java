package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.ConfigurationException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import dev.warren.sync.BarrierRules.Step;
import dev.warren.sync.BarrierWire.State;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A barrier's state queue, holding one signed state, read and written atomically: take everything
 * in the queue, then in one transaction ack it all and publish what the rule makes of the newest
 * genuine state (its version one higher). A writer that dies before the commit gives the state
 * back; while another writer holds it, the queue is empty and the write tries again. One
 * transactional channel, used by one write at a time.
 */
final class BarrierStore {
    private static final Duration STATE_RETURN_WAIT = Duration.ofSeconds(10);
    private static final long RETRY_PAUSE_MILLIS = 1;
    private static final int TAKEN_AT_MOST = 1_000;

    private final SyncConnection connection;
    private final BarrierMessages messages;
    private final String stateQueue;
    private final String primitive;
    private Channel channel; // guarded by this; transactional

    BarrierStore(
            SyncConnection connection,
            BarrierMessages messages,
            String stateQueue,
            String primitive) {
        this.connection = connection;
        this.messages = messages;
        this.stateQueue = stateQueue;
        this.primitive = primitive;
    }

    /** Applies {@code rule} to the state and writes its result; returns the rule's step. */
    synchronized Step update(Function<State, Step> rule) {
        Deadline deadline = Deadline.in(STATE_RETURN_WAIT);
        while (true) {
            Channel tx = transactionalChannel();
            try {
                List<Envelope> found = takeAll(tx);
                State read = messages.newestState(found);
                if (read != null) {
                    Step step = rule.apply(read);
                    State next = step.next();
                    State written =
                            new State(
                                    next.incarnation(),
                                    next.parties(),
                                    read.version() + 1,
                                    next.generation(),
                                    next.arrivals(),
                                    next.hosts(),
                                    next.brokenReason(),
                                    next.endedGenerations(),
                                    next.endedReasons());
                    Envelope sealed = messages.state(written, System.currentTimeMillis());
                    tx.basicPublish(
                            "", stateQueue, AmqpMessages.properties(sealed, true), sealed.body());
                    tx.txCommit();
                    return new Step(written, step.verdict());
                }
                if (!found.isEmpty()) {
                    tx.txCommit(); // removes what did not verify; the state itself is away
                }
            } catch (IOException | RuntimeException e) {
                // acks may be pending in the open transaction: closing gives the state back
                SyncConnection.abortQuietly(tx);
                channel = null;
                if (e instanceof ConfigurationException c) {
                    throw c;
                }
                throw SyncFailures.translate(primitive, "update its state", connection.broker(), e);
            }
            if (deadline.hasPassed()) {
                throw new CoordinationException(
                        primitive
                                + ": its state in queue "
                                + stateQueue
                                + " did not come back within "
                                + STATE_RETURN_WAIT.toSeconds()
                                + " s (deleted, or taken by a process that is frozen?)");
            }
            Deadline.pause(RETRY_PAUSE_MILLIS);
        }
    }

    private List<Envelope> takeAll(Channel tx) throws IOException {
        List<Envelope> found = new ArrayList<>(1);
        GetResponse got;
        while (found.size() < TAKEN_AT_MOST && (got = tx.basicGet(stateQueue, false)) != null) {
            tx.basicAck(got.getEnvelope().getDeliveryTag(), false);
            found.add(AmqpMessages.envelope(got.getProps(), got.getBody()));
        }
        return found;
    }

    private Channel transactionalChannel() {
        if (channel == null || !channel.isOpen()) {
            channel = connection.openTransactionalChannel(primitive, "open the state channel");
        }
        return channel;
    }
}
