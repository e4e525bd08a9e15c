package dev.warren.sync;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records a {@link SharedMap} sends: requests to the owner, replies, and the owner's durable
 * log of changes and checkpoints. Kryo ids 80-86, below the application range, registered by the
 * {@link Coordinator}.
 */
final class MapWire {
    private static final int KRYO_REQUEST = 80;
    private static final int KRYO_REPLY = 81;
    // 82 was the whole-map snapshot of a version that wrote one per change
    private static final int KRYO_CLIENT = 83;
    private static final int KRYO_CHANGE = 84;
    private static final int KRYO_CHECKPOINT = 85;
    private static final int KRYO_EPOCH_START = 86;

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
        types.put(Client.class, KRYO_CLIENT);
        types.put(Change.class, KRYO_CHANGE);
        types.put(Checkpoint.class, KRYO_CHECKPOINT);
        types.put(EpochStart.class, KRYO_EPOCH_START);
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

    /** The last change a client made, to answer a redelivered request without applying it again. */
    record Client(long lastSeq, Reply lastReply, long lastSeenMillis) {}

    /**
     * What the owner's log holds: each record names the owner's epoch and the map's version it
     * brings the state to, so replay can order them and refuse a deposed owner's.
     */
    sealed interface LogRecord permits Change, Checkpoint, EpochStart {
        long epoch();

        long version();
    }

    /**
     * One write: {@code key} now holds {@code value} (null: removed) at {@code version}, made by
     * {@code clientId}, whose dedup entry becomes {@code client}.
     */
    record Change(
            long epoch, long version, Object key, Object value, String clientId, Client client)
            implements LogRecord {}

    /** The whole state at {@code version}, written by the owner of {@code epoch}. */
    record Checkpoint(
            long epoch,
            long version,
            HashMap<Object, Object> values,
            HashMap<Object, Long> versions,
            HashMap<String, Client> clients)
            implements LogRecord {}

    /** An owner took {@code epoch} with the state at {@code version}: older epochs end there. */
    record EpochStart(long epoch, long version) implements LogRecord {}
}
