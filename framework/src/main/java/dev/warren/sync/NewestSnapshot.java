package dev.warren.sync;

/**
 * The newest of the genuine snapshots met in a state queue, in queue order: one is taken only if
 * its version is greater than the one held. Since the owner publishes in version order, an older
 * snapshot ahead of a newer one is the previous state (left by an owner that died before removing
 * it), while one behind a newer one was published again by someone else: stale.
 */
final class NewestSnapshot {
    private MapWire.Snapshot held;

    /** Whether {@code found} supersedes the held one; if not, it is stale. */
    boolean offer(MapWire.Snapshot found) {
        if (held != null && found.version() <= held.version()) {
            return false;
        }
        held = found;
        return true;
    }

    /** The newest so far, or null. */
    MapWire.Snapshot held() {
        return held;
    }
}
