package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests: the change record the current owner of a map would append next, sealed now and
 * published later, as a deposed owner's write that reaches the log after its successor took over.
 */
public final class LateOwnerRecord {
    private LateOwnerRecord() {}

    /** A sealed record and the log queue it is for. */
    public record Sealed(
            String queue, AMQP.BasicProperties properties, byte[] body, long epoch, long version) {}

    /** Reads the log (leaving it as it is) and seals the next change under the newest epoch. */
    public static Sealed next(Coordinator coordinator, String mapName, Object key, Object value) {
        MapAddresses map = MapAddresses.of(coordinator.config().namespace(), mapName);
        MapMessages messages = new MapMessages(coordinator.sealer(), map, new DropLog());
        List<LogReplay.Found<Long>> found =
                coordinator
                        .connection()
                        .withChannel(
                                map.primitive(),
                                "read the log",
                                ch -> {
                                    List<LogReplay.Found<Long>> read = new ArrayList<>();
                                    for (int q = 0; q < 2; q++) {
                                        GetResponse got;
                                        while ((got = ch.basicGet(map.logQueue(q), false))
                                                != null) {
                                            MapWire.LogRecord r =
                                                    messages.openLogRecord(
                                                            AmqpMessages.envelope(
                                                                    got.getProps(), got.getBody()),
                                                            q);
                                            if (r != null) {
                                                read.add(
                                                        new LogReplay.Found<>(
                                                                r,
                                                                q,
                                                                got.getEnvelope()
                                                                        .getDeliveryTag()));
                                            }
                                        }
                                    }
                                    return read; // closing the channel puts every message back
                                });
        LogReplay.Result<Long> log = LogReplay.replay(found);
        int queue = Math.max(log.baseQueue(), 0);
        MapWire.Change change =
                new MapWire.Change(
                        log.lastEpoch(), log.state().version() + 1, key, value, "late", null);
        Envelope sealed = messages.logRecord(change, queue, System.currentTimeMillis());
        return new Sealed(
                map.logQueue(queue),
                AmqpMessages.properties(sealed, true),
                sealed.body(),
                change.epoch(),
                change.version());
    }
}
