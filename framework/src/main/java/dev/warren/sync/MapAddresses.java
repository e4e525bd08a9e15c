package dev.warren.sync;

/**
 * Where a shared map lives on the broker and what its messages are signed as: the type names carry
 * the map's name, so a message signed for one map cannot be replayed into another.
 *
 * @param primitive how messages name the map, {@code shared map '<name>'}
 * @param requestQueue single-active-consumer queue: its active consumer is the owner
 * @param stateQueue durable queue holding the owner's snapshots: normally the latest alone; the
 *     newest genuine one wins
 * @param earlierStateQueue where a version that kept one snapshot by the queue's length limit kept
 *     it; not read
 */
record MapAddresses(
        String name,
        String primitive,
        String requestQueue,
        String stateQueue,
        String earlierStateQueue,
        String requestType,
        String replyType,
        String snapshotType) {
    private static final String KIND = "map";

    static MapAddresses of(String namespace, String name) {
        String base = SyncNames.base(namespace, KIND, name);
        return new MapAddresses(
                name,
                "shared map '" + name + "'",
                SyncNames.part(base, "requests"),
                SyncNames.part(base, "snapshots"),
                SyncNames.part(base, "state"),
                "warren.sync.map-request:" + name,
                "warren.sync.map-reply:" + name,
                "warren.sync.map-snapshot:" + name);
    }
}
