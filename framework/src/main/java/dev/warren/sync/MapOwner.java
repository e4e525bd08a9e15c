package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A candidate owner's consumer of the map's single-active-consumer request queue; once the broker
 * makes it active it is the owner. For each request: apply it to the state (replayed from the
 * {@link MapLog} on the first one, under a new epoch), append the change record and announce the
 * change, wait for the confirm, only then reply and ack, so no acknowledged change can be lost with
 * the owner; then checkpoint if due.
 */
final class MapOwner extends DefaultConsumer {
    private static final Logger logger = LoggerFactory.getLogger(MapOwner.class);

    private final MapAddresses map;
    private final MapMessages messages;
    private final MapEntries entries;
    private final Duration confirmTimeout;
    private final Runnable onChannelLost;
    // loaded on the first request this consumer gets as the owner
    private volatile MapState state;
    private MapLog log;

    /**
     * @param channel in confirm mode: log records and announcements go out on the consuming channel
     *     (see {@link MapLog})
     */
    MapOwner(
            Channel channel,
            MapAddresses map,
            MapMessages messages,
            MapEntries entries,
            Duration confirmTimeout,
            Runnable onChannelLost) {
        super(channel);
        this.map = map;
        this.messages = messages;
        this.entries = entries;
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
                // the log
                logger.debug(
                        "{}: closed while serving a request: {}", map.primitive(), e.toString());
                return;
            }
            // the durable log may now be behind this state: give up ownership, the next
            // owner (maybe this process again) starts from the log
            logger.error(
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
        long now = System.currentTimeMillis();
        if (state == null) {
            MapLog.Opened opened = MapLog.open(channel, map, messages, confirmTimeout, now);
            log = opened.log();
            state = opened.state();
            LogReplay.Announced last = opened.lastChange();
            if (last != null) {
                // the previous owner may have died before announcing it; listeners skip repeats
                entries.announce(channel, last.change(), last.previous());
            }
            logger.debug(
                    "{}: this process is now the owner (epoch {}, version {})",
                    map.primitive(),
                    log.epoch(),
                    state.version());
        }
        MapState.Outcome outcome = state.apply(request, now);
        if (outcome.changed()) {
            MapWire.Change change = state.change(log.epoch(), request.clientId(), outcome);
            log.append(change, now);
            entries.announce(channel, change, outcome.previous());
            log.confirm();
        }
        if (replyTo != null) {
            dev.warren.internal.wire.Envelope reply = messages.reply(request, outcome.reply(), now);
            channel.basicPublish("", replyTo, AmqpMessages.properties(reply, false), reply.body());
        }
        if (outcome.changed()) {
            log.checkpointIfDue(state, now);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        state = null;
        onChannelLost.run();
    }
}
