package dev.warren.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a shared map from the genuine records found in its two log queues: the newest valid
 * checkpoint, then the changes after it in its queue, in version order, as long as the versions
 * follow each other. A record of epoch {@code e} at version {@code v} is valid only if no later
 * epoch had started before {@code v}: an owner that took over at version {@code s} ends every older
 * epoch at {@code s}, so what a deposed owner writes afterwards loses, whenever it arrives. Pure:
 * the caller reads and removes the messages; {@code H} is its handle for each.
 */
final class LogReplay {
    private LogReplay() {}

    /** What becomes of a record found. */
    enum Fate {
        BASE("the checkpoint the state starts from"),
        REPLAYED("a change after the checkpoint"),
        KEPT("the start of a later epoch"),
        OBSOLETE("older than the checkpoint, in the queue emptied after it"),
        STALE_EPOCH("written by an owner deposed before it, so it never counts"),
        COPY("a copy of a record older than the checkpoint ahead of it, or of one replayed"),
        AFTER_GAP("behind a missing version, so it cannot be applied");

        private final String meaning;

        Fate(String meaning) {
            this.meaning = meaning;
        }

        String meaning() {
            return meaning;
        }

        /** Whether the record stays in the log. */
        boolean stays() {
            return this == BASE || this == REPLAYED || this == KEPT;
        }

        /** Whether removing it is a drop worth counting: nothing an honest owner leaves. */
        boolean counted() {
            return this == STALE_EPOCH || this == COPY || this == AFTER_GAP;
        }
    }

    record Found<H>(MapWire.LogRecord record, int queue, H handle) {}

    record Judged<H>(Found<H> found, Fate fate) {}

    /**
     * @param lastEpoch the highest epoch met (0: none); the next owner takes one more
     * @param baseQueue the queue of the checkpoint loaded, -1 if there was none
     * @param lastChange the last change replayed, with the value its key had before, or null
     */
    record Result<H>(
            MapState state,
            long lastEpoch,
            int baseQueue,
            Announced lastChange,
            List<Judged<H>> judged) {}

    /** A change as listeners hear of it. */
    record Announced(MapWire.Change change, Object previous) {}

    static <H> Result<H> replay(List<Found<H>> found) {
        EpochStarts starts = EpochStarts.of(found);
        Found<H> base = null;
        for (Found<H> f : found) {
            if (f.record() instanceof MapWire.Checkpoint && starts.valid(f.record())) {
                if (base == null || newer(f.record(), base.record())) {
                    base = f;
                }
            }
        }
        MapState state =
                base == null ? MapState.empty() : MapState.of((MapWire.Checkpoint) base.record());
        long baseVersion = state.version();
        int baseQueue = base == null ? -1 : base.queue();
        int replayQueue = base == null ? 0 : baseQueue;
        Map<Found<H>, Fate> fates = new IdentityHashMap<>();
        List<Found<H>> changes = new ArrayList<>();
        for (Found<H> f : found) {
            MapWire.LogRecord r = f.record();
            Fate fate;
            if (f == base) {
                fate = Fate.BASE;
            } else if (!starts.valid(r)) {
                fate = Fate.STALE_EPOCH;
            } else if (f.queue() != replayQueue) {
                fate = Fate.OBSOLETE;
            } else if (r instanceof MapWire.EpochStart) {
                fate = r.version() >= baseVersion ? Fate.KEPT : Fate.COPY;
            } else if (r instanceof MapWire.Change && r.version() > baseVersion) {
                changes.add(f);
                continue;
            } else {
                fate = Fate.COPY;
            }
            fates.put(f, fate);
        }
        changes.sort(
                Comparator.comparingLong((Found<H> f) -> f.record().version())
                        .thenComparingLong(f -> f.record().epoch()));
        Announced last = null;
        for (Found<H> f : changes) {
            MapWire.Change change = (MapWire.Change) f.record();
            if (change.version() <= state.version()) {
                fates.put(f, Fate.COPY);
            } else if (change.version() == state.version() + 1) {
                Object previous = state.valueOf(change.key());
                state.replay(change);
                last = new Announced(change, previous);
                fates.put(f, Fate.REPLAYED);
            } else {
                fates.put(f, Fate.AFTER_GAP);
            }
        }
        List<Judged<H>> judged = new ArrayList<>();
        for (Found<H> f : found) {
            judged.add(new Judged<>(f, fates.get(f)));
        }
        return new Result<>(state, starts.lastEpoch(), baseQueue, last, judged);
    }

    private static boolean newer(MapWire.LogRecord a, MapWire.LogRecord b) {
        return a.version() != b.version() ? a.version() > b.version() : a.epoch() > b.epoch();
    }
}
