package dev.warren.sync;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version at which each owner epoch began, as far as a shared map's log shows: an epoch starts
 * at its {@link MapWire.EpochStart} or checkpoint, or just before its first change. The epoch rule:
 * a record of epoch {@code e} at version {@code v} counts only if every later epoch started at
 * {@code v} or after, since an owner deposed at version {@code s} wrote nothing any later owner saw
 * beyond {@code s}.
 */
final class EpochStarts {
    private final TreeMap<Long, Long> starts; // epoch -> first version

    private EpochStarts(TreeMap<Long, Long> starts) {
        this.starts = starts;
    }

    static EpochStarts of(List<? extends LogReplay.Found<?>> found) {
        TreeMap<Long, Long> starts = new TreeMap<>();
        for (LogReplay.Found<?> f : found) {
            MapWire.LogRecord r = f.record();
            long start = r instanceof MapWire.Change ? r.version() - 1 : r.version();
            starts.merge(r.epoch(), start, Math::min);
        }
        return new EpochStarts(starts);
    }

    /** Whether no epoch after the record's had begun before the record's version. */
    boolean valid(MapWire.LogRecord record) {
        for (Map.Entry<Long, Long> later : starts.tailMap(record.epoch(), false).entrySet()) {
            if (later.getValue() < record.version()) {
                return false;
            }
        }
        return true;
    }

    /** The highest epoch in the log, 0 if it is empty. */
    long lastEpoch() {
        return starts.isEmpty() ? 0 : starts.lastKey();
    }
}
