package dev.warren.sync;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records a {@link SharedMap} sends: requests to the owner, replies, and the owner's durable
 * snapshot. Kryo ids 80-83, below the application range, registered by the {@link Coordinator}.
 */
final class MapWire {
    private static final int KRYO_REQUEST = 80;
    private static final int KRYO_REPLY = 81;
    private static final int KRYO_SNAPSHOT = 82;
    private static final int KRYO_CLIENT = 83;

    static final int GET = 1;
    static final int PUT = 2;
    static final int REMOVE = 3;
    static final int COMPARE_AND_SET = 4;
    static final int ENTRIES = 5;

    private MapWire() {}

    /** The records with their Kryo ids, for the coordinator's sealer. */
    static Map<Class<?>, Integer> types() {
        Map<Class<?>, Integer> types = new LinkedHashMap<>();
        types.put(Request.class, KRYO_REQUEST);
        types.put(Reply.class, KRYO_REPLY);
        types.put(Snapshot.class, KRYO_SNAPSHOT);
        types.put(Client.class, KRYO_CLIENT);
        return types;
    }

    /**
     * @param expectedVersion for compare-and-set: the key's version the client read (0: absent)
     */
    record Request(
            String clientId, long seq, int op, Object key, Object value, long expectedVersion) {
        boolean mutates() {
            return op == PUT || op == REMOVE || op == COMPARE_AND_SET;
        }
    }

    /**
     * @param ok false only for a failed compare-and-set
     * @param value the previous value (put, remove), or the current one (get, compare-and-set)
     * @param version the key's version after the operation (0: absent)
     * @param entries every entry, for {@link #ENTRIES}; otherwise null
     */
    record Reply(
            long seq, boolean ok, Object value, long version, HashMap<Object, Object> entries) {}

    /** The owner's state; {@code version} grows with each change. */
    record Snapshot(
            long version,
            HashMap<Object, Object> values,
            HashMap<Object, Long> versions,
            HashMap<String, Client> clients) {}

    /** The last change a client made, to answer a redelivered request without applying it again. */
    record Client(long lastSeq, Reply lastReply, long lastSeenMillis) {}
}
