package dev.warren.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (task id, attempt) pairs this worker took most recently. A pair seen again on a message the
 * broker does not mark as redelivered was published twice: a replay, or a publisher's retry after a
 * lost confirm.
 */
final class ReplayMemory {
    private final int capacity;
    private final Map<String, Boolean> seen;

    ReplayMemory(int capacity) {
        this.capacity = capacity;
        this.seen =
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > ReplayMemory.this.capacity;
                    }
                };
    }

    /** Records the pair and says whether it is a replay. */
    synchronized boolean isReplay(String taskId, int attempt, boolean redelivered) {
        if (capacity == 0) {
            return false;
        }
        boolean known = seen.put(taskId + "#" + attempt, Boolean.TRUE) != null;
        return known && !redelivered;
    }
}
