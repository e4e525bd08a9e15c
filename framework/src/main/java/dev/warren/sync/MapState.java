package dev.warren.sync;

import java.util.HashMap;
import java.util.Objects;

/**
 * The owner's side of a {@link SharedMap}: the entries, a version that grows with each change, the
 * version at which each key was last written, and per client the last change it made with its
 * reply, so that a request redelivered after an owner crash is answered, not applied twice. Not
 * thread-safe: one owner thread uses it.
 */
final class MapState {
    private long version;
    private final HashMap<Object, Object> values;
    private final HashMap<Object, Long> versions;
    private final HashMap<String, MapWire.Client> clients;

    /**
     * @param changed whether the request wrote; then {@code key} holds {@code value} (null:
     *     removed) at the state's version, and held {@code previous} before
     */
    record Outcome(
            MapWire.Reply reply, boolean changed, Object key, Object previous, Object value) {
        Outcome(MapWire.Reply reply) {
            this(reply, false, null, null, null);
        }
    }

    private MapState(
            long version,
            HashMap<Object, Object> values,
            HashMap<Object, Long> versions,
            HashMap<String, MapWire.Client> clients) {
        this.version = version;
        this.values = values;
        this.versions = versions;
        this.clients = clients;
    }

    static MapState empty() {
        return new MapState(0, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    static MapState of(MapWire.Checkpoint checkpoint) {
        return new MapState(
                checkpoint.version(),
                new HashMap<>(checkpoint.values()),
                new HashMap<>(checkpoint.versions()),
                new HashMap<>(checkpoint.clients()));
    }

    long version() {
        return version;
    }

    Outcome apply(MapWire.Request request, long nowMillis) {
        long seq = request.seq();
        Object key = request.key();
        if (request.mutates()) {
            MapWire.Client client = clients.get(request.clientId());
            if (client != null && seq <= client.lastSeq()) {
                // a redelivery or a resend: the client waits one request at a time, so only
                // the last one can still matter to it
                MapWire.Reply cached =
                        seq == client.lastSeq()
                                ? client.lastReply()
                                : new MapWire.Reply(seq, false, null, 0, null);
                return new Outcome(cached);
            }
        }
        MapWire.Reply reply;
        boolean changed;
        Object before = key == null ? null : values.get(key);
        switch (request.op()) {
            case MapWire.GET -> {
                reply = new MapWire.Reply(seq, true, values.get(key), versionOf(key), null);
                changed = false;
            }
            case MapWire.ENTRIES -> {
                reply = new MapWire.Reply(seq, true, null, version, new HashMap<>(values));
                changed = false;
            }
            case MapWire.PUT -> {
                Object previous = write(key, request.value());
                reply = new MapWire.Reply(seq, true, previous, versionOf(key), null);
                changed = true;
            }
            case MapWire.REMOVE -> {
                changed = values.containsKey(key);
                Object previous = changed ? write(key, null) : null;
                reply = new MapWire.Reply(seq, true, previous, 0, null);
            }
            case MapWire.COMPARE_AND_SET -> {
                long current = versionOf(key);
                if (current != request.expectedVersion()) {
                    reply = new MapWire.Reply(seq, false, values.get(key), current, null);
                    changed = false;
                } else {
                    changed = request.value() != null || values.containsKey(key);
                    if (changed) {
                        write(key, request.value());
                    }
                    reply = new MapWire.Reply(seq, true, request.value(), versionOf(key), null);
                }
            }
            default ->
                    throw new CoordinationException("unknown shared map operation " + request.op());
        }
        if (!changed) {
            return new Outcome(reply);
        }
        clients.put(request.clientId(), new MapWire.Client(seq, reply, nowMillis));
        return new Outcome(reply, true, key, before, values.get(key));
    }

    /** The log record of the change {@code outcome} just made, by the owner of {@code epoch}. */
    MapWire.Change change(long epoch, String clientId, Outcome outcome) {
        return new MapWire.Change(
                epoch, version, outcome.key(), outcome.value(), clientId, clients.get(clientId));
    }

    /** Replays a change read from the log; it must be the one right after this state. */
    void replay(MapWire.Change change) {
        if (change.version() != version + 1) {
            throw new IllegalArgumentException(
                    "change v" + change.version() + " does not follow state v" + version);
        }
        version = change.version();
        if (change.value() == null) {
            versions.remove(change.key());
            values.remove(change.key());
        } else {
            versions.put(change.key(), version);
            values.put(change.key(), change.value());
        }
        if (change.clientId() != null && change.client() != null) {
            clients.put(change.clientId(), change.client());
        }
    }

    /** Null removes. Returns the previous value. */
    private Object write(Object key, Object value) {
        version++;
        if (value == null) {
            versions.remove(key);
            return values.remove(key);
        }
        versions.put(key, version);
        return values.put(key, value);
    }

    private long versionOf(Object key) {
        return versions.getOrDefault(key, 0L);
    }

    /**
     * The whole state to store, forgetting clients that made no change for {@code
     * clientExpiryMillis} (a client that comes back after that with a resent request could see it
     * applied twice).
     */
    MapWire.Checkpoint checkpoint(long epoch, long nowMillis, long clientExpiryMillis) {
        clients.values().removeIf(c -> nowMillis - c.lastSeenMillis() > clientExpiryMillis);
        return new MapWire.Checkpoint(epoch, version, values, versions, clients);
    }

    Object valueOf(Object key) {
        return values.get(Objects.requireNonNull(key));
    }
}
