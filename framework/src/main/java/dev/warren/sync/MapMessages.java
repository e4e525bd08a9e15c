package dev.warren.sync;

import dev.warren.WarrenException;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals and opens the three messages of one shared map: a message is taken for a request, reply or
 * snapshot only if its signature holds, it was signed as that kind for this map, and it decodes to
 * the matching record. What is not is logged and dropped (a foreign snapshot is an error).
 */
final class MapMessages {
    private static final Logger log = LoggerFactory.getLogger(MapMessages.class);

    private final MessageSealer sealer;
    private final MapAddresses map;

    MapMessages(MessageSealer sealer, MapAddresses map) {
        this.sealer = sealer;
        this.map = map;
    }

    private Binding requestBinding() {
        return Binding.of(map.requestQueue(), map.requestType());
    }

    private Binding replyBinding() {
        return Binding.of(map.requestQueue(), map.replyType());
    }

    private Binding snapshotBinding() {
        return Binding.of(map.stateQueue(), map.snapshotType());
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

    Envelope snapshot(MapWire.Snapshot snapshot, long nowMillis) {
        return sealer.seal(
                Heading.of(
                        "v" + snapshot.version(), map.snapshotType(), nowMillis, snapshotBinding()),
                snapshot);
    }

    /** The request, or null if the message is not one of this map's requests. */
    MapWire.Request openRequest(Envelope envelope) {
        try {
            Object decoded = sealer.open(envelope, requestBinding());
            if (map.requestType().equals(envelope.type())
                    && decoded instanceof MapWire.Request request) {
                return request;
            }
            log.warn("{}: dropped a message that is not a request for it", map.primitive());
        } catch (RejectedMessageException e) {
            log.warn("{}: dropped a request: {}", map.primitive(), e.getMessage());
        }
        return null;
    }

    /** The reply, or null if the message is not one of this map's replies. */
    MapWire.Reply openReply(Envelope envelope) {
        Object decoded;
        try {
            decoded = sealer.open(envelope, replyBinding());
        } catch (RejectedMessageException e) {
            log.warn("{}: dropped a reply: {}", map.primitive(), e.getMessage());
            return null;
        }
        if (!map.replyType().equals(envelope.type()) || !(decoded instanceof MapWire.Reply reply)) {
            log.warn("{}: dropped a message that is not one of its replies", map.primitive());
            return null;
        }
        return reply;
    }

    /**
     * @throws CoordinationException if the state queue holds something else than this map's
     *     snapshot
     * @throws RejectedMessageException if its signature does not hold
     */
    MapWire.Snapshot openSnapshot(Envelope envelope) {
        Object decoded;
        try {
            decoded = sealer.open(envelope, snapshotBinding());
        } catch (RejectedMessageException e) {
            if (e.reason() == RejectReason.MISDIRECTED) {
                throw notItsSnapshot(e);
            }
            throw e;
        }
        if (!map.snapshotType().equals(envelope.type())
                || !(decoded instanceof MapWire.Snapshot snapshot)) {
            throw notItsSnapshot(null);
        }
        return snapshot;
    }

    private CoordinationException notItsSnapshot(Throwable cause) {
        return new CoordinationException(
                map.primitive()
                        + ": queue "
                        + map.stateQueue()
                        + " holds something that is not its snapshot",
                cause);
    }
}
