package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A candidate owner's consumer of the map's single-active-consumer request queue; once the broker
 * makes it active it is the owner. For each request: apply it to the state (loaded from the newest
 * genuine snapshot on the first one), publish the new snapshot and wait for its confirm, remove the
 * older one, only then reply and ack, so no acknowledged change can be lost with the owner.
 */
final class MapOwner extends DefaultConsumer {
    private static final Logger log = LoggerFactory.getLogger(MapOwner.class);
    private static final long CLIENT_EXPIRY_MILLIS = Duration.ofHours(24).toMillis();

    private final MapAddresses map;
    private final MapMessages messages;
    private final Duration confirmTimeout;
    private final Runnable onChannelLost;
    private volatile MapState state; // loaded on the first request this consumer gets as the owner

    /**
     * @param channel in confirm mode: snapshots go out on the consuming channel, whose frames the
     *     broker handles in order, so a dying owner's last snapshot is in the queue before its
     *     successor starts
     */
    MapOwner(
            Channel channel,
            MapAddresses map,
            MapMessages messages,
            Duration confirmTimeout,
            Runnable onChannelLost) {
        super(channel);
        this.map = map;
        this.messages = messages;
        this.confirmTimeout = confirmTimeout;
        this.onChannelLost = onChannelLost;
    }

    /** Whether it has served a request as the owner and still can. */
    boolean isServing() {
        return state != null && getChannel().isOpen();
    }

    @Override
    public void handleDelivery(
            String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
        Channel channel = getChannel();
        try {
            MapWire.Request request = messages.openRequest(AmqpMessages.envelope(properties, body));
            if (request != null) {
                serve(request, properties.getReplyTo());
            }
            channel.basicAck(delivery.getDeliveryTag(), false);
        } catch (Exception e) {
            state = null;
            if (closedHere(channel)) {
                // SharedMap.close or Coordinator.close while serving: the request was not acked,
                // so the broker gives it to the next owner, which applies it or answers it from
                // the snapshot
                log.debug("{}: closed while serving a request: {}", map.primitive(), e.toString());
                return;
            }
            // the durable snapshot may now be behind this state: give up ownership, the next
            // owner (maybe this process again) starts from the snapshot
            log.error(
                    "{}: the owner could not apply a request; handing ownership on",
                    map.primitive(),
                    e);
            SyncConnection.abortQuietly(channel);
        }
    }

    /** Whether this process closed the channel (or its connection), rather than the broker. */
    static boolean closedHere(Channel channel) {
        ShutdownSignalException reason = channel.getCloseReason();
        return !channel.isOpen() && reason != null && reason.isInitiatedByApplication();
    }

    private void serve(MapWire.Request request, String replyTo)
            throws IOException, InterruptedException, TimeoutException {
        Channel channel = getChannel();
        if (state == null) {
            state = load();
            log.debug(
                    "{}: this process is now the owner (version {})",
                    map.primitive(),
                    state.version());
        }
        long now = System.currentTimeMillis();
        MapState.Outcome outcome = state.apply(request, now);
        if (outcome.changed()) {
            dev.warren.internal.wire.Envelope snapshot =
                    messages.snapshot(state.snapshot(now, CLIENT_EXPIRY_MILLIS), now);
            channel.basicPublish(
                    "", map.stateQueue(), AmqpMessages.properties(snapshot, true), snapshot.body());
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            compact(state.version());
        }
        if (replyTo != null) {
            dev.warren.internal.wire.Envelope reply = messages.reply(request, outcome.reply(), now);
            channel.basicPublish("", replyTo, AmqpMessages.properties(reply, false), reply.body());
        }
    }

    /**
     * The state from the newest genuine snapshot in the state queue, which is put back; every other
     * message there is removed (junk and stale copies counted), so none can wedge the map.
     */
    private MapState load() throws IOException {
        Channel channel = getChannel();
        NewestSnapshot newest = new NewestSnapshot();
        long heldTag = -1;
        GetResponse got;
        while ((got = channel.basicGet(map.stateQueue(), false)) != null) {
            long tag = got.getEnvelope().getDeliveryTag();
            MapWire.Snapshot found = open(got);
            if (found != null && newest.offer(found)) {
                if (heldTag >= 0) {
                    channel.basicAck(heldTag, false); // the previous state
                }
                heldTag = tag;
                continue;
            }
            if (found != null) {
                messages.dropStale(found, newest.held().version());
            }
            channel.basicAck(tag, false);
        }
        if (heldTag < 0) {
            return MapState.empty();
        }
        // put back at once: it is the durable state until the next change replaces it
        channel.basicReject(heldTag, true);
        return MapState.of(newest.held());
    }

    /**
     * Removes what is ahead of the snapshot of {@code version} just published (the previous one, or
     * anything someone else put there), so the queue holds the latest state alone.
     */
    private void compact(long version) throws IOException {
        Channel channel = getChannel();
        GetResponse got;
        while ((got = channel.basicGet(map.stateQueue(), false)) != null) {
            long tag = got.getEnvelope().getDeliveryTag();
            MapWire.Snapshot found = open(got);
            if (found != null && found.version() >= version) {
                channel.basicReject(tag, true);
                return;
            }
            channel.basicAck(tag, false);
        }
    }

    private MapWire.Snapshot open(GetResponse got) {
        return messages.openSnapshot(AmqpMessages.envelope(got.getProps(), got.getBody()));
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        state = null;
        onChannelLost.run();
    }
}
