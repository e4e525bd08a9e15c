package dev.warren.sync;

import dev.warren.WarrenException;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectedMessageException;

/**
 * Seals and opens the messages of one shared map: a message is taken for a request, reply or log
 * record only if its signature holds, it was signed as that kind for this map, and it decodes to
 * the matching record. What is not is dropped, counted and logged once per cause, never thrown at
 * the owner.
 */
final class MapMessages {
    private final MessageSealer sealer;
    private final Seals seals;
    private final MapAddresses map;
    private final DropLog drops;

    MapMessages(MessageSealer sealer, MapAddresses map, DropLog drops) {
        this.sealer = sealer;
        this.seals = new Seals(sealer);
        this.map = map;
        this.drops = drops;
    }

    private Binding requestBinding() {
        return Binding.of(map.requestQueue(), map.requestType());
    }

    private Binding replyBinding() {
        return Binding.of(map.requestQueue(), map.replyType());
    }

    private Binding logBinding(int queue) {
        return Binding.of(map.logQueue(queue), map.logType());
    }

    /** Under the id {@code clientId:seq}: a resend is the very same message. */
    Envelope request(MapWire.Request request, String replyTo, long nowMillis) {
        try {
            return sealer.seal(
                    new Heading(
                            request.clientId() + ":" + request.seq(),
                            map.requestType(),
                            nowMillis,
                            replyTo,
                            1,
                            requestBinding()),
                    request);
        } catch (WarrenException e) {
            throw new CoordinationException(
                    map.primitive() + ": cannot encode the request: " + e.getMessage(), e);
        }
    }

    Envelope reply(MapWire.Request answered, MapWire.Reply reply, long nowMillis) {
        return sealer.seal(
                Heading.of(
                        answered.clientId() + ":" + answered.seq() + ":reply",
                        map.replyType(),
                        nowMillis,
                        replyBinding()),
                reply);
    }

    /** A log record for log queue {@code queue}, under an id naming its epoch and version. */
    Envelope logRecord(MapWire.LogRecord record, int queue, long nowMillis) {
        String kind = record.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return sealer.seal(
                Heading.of(
                        kind + ":e" + record.epoch() + ":v" + record.version(),
                        map.logType(),
                        nowMillis,
                        logBinding(queue)),
                record);
    }

    /** The request, or null (counted) if the message is not one of this map's requests. */
    MapWire.Request openRequest(Envelope envelope) {
        return open(envelope, requestBinding(), MapWire.Request.class, "request");
    }

    /** The reply, or null (counted) if the message is not one of this map's replies. */
    MapWire.Reply openReply(Envelope envelope) {
        return open(envelope, replyBinding(), MapWire.Reply.class, "reply");
    }

    /** The log record, or null (counted) if the message is not one of this map's in that queue. */
    MapWire.LogRecord openLogRecord(Envelope envelope, int queue) {
        return open(envelope, logBinding(queue), MapWire.LogRecord.class, "log record");
    }

    /** A genuine log record that replay refused ({@code fate} says why): removed, never loaded. */
    void dropRefused(MapWire.LogRecord record, int queue, LogReplay.Fate fate) {
        drops.drop(
                map.primitive(),
                fate.name(),
                record.getClass().getSimpleName()
                        + " of epoch "
                        + record.epoch()
                        + " at v"
                        + record.version()
                        + " in queue "
                        + map.logQueue(queue)
                        + ": "
                        + fate.meaning());
    }

    private <T> T open(Envelope envelope, Binding binding, Class<T> type, String kind) {
        try {
            return seals.open(envelope, binding, type);
        } catch (RejectedMessageException e) {
            drops.drop(
                    map.primitive(), e.reason().name(), "not its " + kind + ": " + e.getMessage());
            return null;
        }
    }
}
