package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The owner's durable log, in two queues on the channel it consumes requests on: one holds the
 * newest checkpoint and the change records after it, the other is empty. A write appends its change
 * record; when the {@link CheckpointPolicy} says so, the whole state goes into the other queue as a
 * checkpoint, confirmed, and only then is the first queue purged. Everything goes out on the
 * owner's consuming channel, whose frames the broker handles in order: a dying owner's last record
 * is queued before its successor starts, and a deposed owner, whose channel is gone, cannot trim.
 */
final class MapLog {
    private static final long CLIENT_EXPIRY_MILLIS = Duration.ofHours(24).toMillis();

    private final Channel channel;
    private final MapAddresses map;
    private final MapMessages messages;
    private final long confirmMillis;
    private final long epoch;
    private final CheckpointPolicy policy;
    private int current;

    /** A log opened by a new owner: the state it replayed and the last change in it. */
    record Opened(MapLog log, MapState state, LogReplay.Announced lastChange) {}

    private MapLog(
            Channel channel,
            MapAddresses map,
            MapMessages messages,
            Duration confirmTimeout,
            long epoch,
            int current,
            CheckpointPolicy policy) {
        this.channel = channel;
        this.map = map;
        this.messages = messages;
        this.confirmMillis = confirmTimeout.toMillis();
        this.epoch = epoch;
        this.current = current;
        this.policy = policy;
    }

    /**
     * Reads both queues, replays them, removes what does not count (junk, copies and a deposed
     * owner's records counted as drops) and puts the rest back, then claims the next epoch: a
     * confirmed {@link MapWire.EpochStart} before any request is served, or a checkpoint when there
     * was none or it was signed under another key than the current one.
     */
    static Opened open(
            Channel channel,
            MapAddresses map,
            MapMessages messages,
            Duration confirmTimeout,
            long nowMillis)
            throws IOException, InterruptedException, TimeoutException {
        List<LogReplay.Found<Long>> found = new ArrayList<>();
        Map<Long, Integer> sizes = new HashMap<>();
        Map<Long, String> keys = new HashMap<>();
        for (int queue = 0; queue < 2; queue++) {
            GetResponse got;
            while ((got = channel.basicGet(map.logQueue(queue), false)) != null) {
                long tag = got.getEnvelope().getDeliveryTag();
                Envelope envelope = AmqpMessages.envelope(got.getProps(), got.getBody());
                MapWire.LogRecord record = messages.openLogRecord(envelope, queue);
                if (record == null) {
                    channel.basicAck(tag, false);
                } else {
                    found.add(new LogReplay.Found<>(record, queue, tag));
                    sizes.put(tag, got.getBody().length);
                    keys.put(tag, envelope.keyId());
                }
            }
        }
        LogReplay.Result<Long> replayed = LogReplay.replay(found);
        String baseKey = null;
        long baseBytes = 0;
        long bytesSince = 0;
        int changesSince = 0;
        for (LogReplay.Judged<Long> judged : replayed.judged()) {
            LogReplay.Found<Long> f = judged.found();
            if (judged.fate().counted()) {
                messages.dropRefused(f.record(), f.queue(), judged.fate());
            }
            if (!judged.fate().stays()) {
                channel.basicAck(f.handle(), false);
                continue;
            }
            // back in place at once: it is the durable state (one by one: a multiple nack would
            // also return the request being served on this channel)
            channel.basicReject(f.handle(), true);
            int size = sizes.get(f.handle());
            if (judged.fate() == LogReplay.Fate.BASE) {
                baseBytes = size;
                baseKey = keys.get(f.handle());
            } else {
                bytesSince += size;
                changesSince++;
            }
        }
        MapState state = replayed.state();
        int baseQueue = replayed.baseQueue();
        MapLog log =
                new MapLog(
                        channel,
                        map,
                        messages,
                        confirmTimeout,
                        replayed.lastEpoch() + 1,
                        Math.max(baseQueue, 0),
                        new CheckpointPolicy(baseBytes, bytesSince, changesSince));
        Envelope start =
                messages.logRecord(
                        new MapWire.EpochStart(log.epoch, state.version()), log.current, nowMillis);
        if (baseQueue < 0 || !start.keyId().equals(baseKey)) {
            // none yet, or signed under a key that is no longer the current one: sign it all
            // again now, so retiring that key later cannot make the map unreadable
            log.checkpoint(state, nowMillis);
        } else {
            log.publishSealed(log.current, start);
            log.confirm();
            channel.queuePurge(map.logQueue(1 - baseQueue));
        }
        return new Opened(log, state, replayed.lastChange());
    }

    long epoch() {
        return epoch;
    }

    /** Publishes the change record; {@link #confirm()} waits for it. */
    void append(MapWire.Change change, long nowMillis) throws IOException {
        policy.recorded(publish(change, nowMillis));
    }

    void confirm() throws InterruptedException, TimeoutException, IOException {
        channel.waitForConfirmsOrDie(confirmMillis);
    }

    /** Writes a checkpoint if the changes since the last one call for it. */
    void checkpointIfDue(MapState state, long nowMillis)
            throws IOException, InterruptedException, TimeoutException {
        if (policy.due()) {
            checkpoint(state, nowMillis);
        }
    }

    private void checkpoint(MapState state, long nowMillis)
            throws IOException, InterruptedException, TimeoutException {
        int next = 1 - current;
        int bytes =
                publishTo(
                        next, state.checkpoint(epoch, nowMillis, CLIENT_EXPIRY_MILLIS), nowMillis);
        confirm();
        channel.queuePurge(map.logQueue(current));
        current = next;
        policy.checkpointed(bytes);
    }

    private int publish(MapWire.LogRecord record, long nowMillis) throws IOException {
        return publishTo(current, record, nowMillis);
    }

    private int publishTo(int queue, MapWire.LogRecord record, long nowMillis) throws IOException {
        return publishSealed(queue, messages.logRecord(record, queue, nowMillis));
    }

    private int publishSealed(int queue, Envelope sealed) throws IOException {
        channel.basicPublish(
                "", map.logQueue(queue), AmqpMessages.properties(sealed, true), sealed.body());
        return sealed.body().length;
    }
}
