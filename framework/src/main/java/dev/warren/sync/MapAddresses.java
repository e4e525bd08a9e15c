package dev.warren.sync;

import java.util.List;

/**
 * Where a shared map lives on the broker and what its messages are signed as: the type names carry
 * the map's name, so a message signed for one map cannot be replayed into another.
 *
 * @param primitive how messages name the map, {@code shared map '<name>'}
 * @param requestQueue single-active-consumer queue: its active consumer is the owner
 * @param logQueues the two durable queues of the owner's log: the newest checkpoint and the changes
 *     after it are in one; the other is emptied once a checkpoint is confirmed in it
 * @param entriesExchange fanout exchange on which the owner announces each committed change
 * @param earlierStateQueues where versions that kept whole snapshots kept them; not read
 */
record MapAddresses(
        String name,
        String primitive,
        String requestQueue,
        List<String> logQueues,
        String entriesExchange,
        List<String> earlierStateQueues,
        String requestType,
        String replyType,
        String logType,
        String entryType) {
    private static final String KIND = "map";

    static MapAddresses of(String namespace, String name) {
        String base = SyncNames.base(namespace, KIND, name);
        return new MapAddresses(
                name,
                "shared map '" + name + "'",
                SyncNames.part(base, "requests"),
                List.of(SyncNames.part(base, "log-a"), SyncNames.part(base, "log-b")),
                SyncNames.part(base, "entries"),
                List.of(SyncNames.part(base, "snapshots"), SyncNames.part(base, "state")),
                "warren.sync.map-request:" + name,
                "warren.sync.map-reply:" + name,
                "warren.sync.map-log:" + name,
                "warren.sync.map-entry:" + name);
    }

    String logQueue(int index) {
        return logQueues.get(index);
    }
}
