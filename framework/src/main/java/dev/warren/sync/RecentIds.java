package dev.warren.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} message ids seen, to refuse replays; an id older than that is
 * forgotten. Not thread-safe: one consumer's dispatch thread uses it.
 */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids =
                new LinkedHashMap<>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** Remembers {@code id}; false if it was seen before (and is still remembered). */
    boolean firstSighting(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
