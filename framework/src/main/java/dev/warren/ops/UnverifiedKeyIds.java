package dev.warren.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key ids named by heartbeats that did not verify. Anyone on the broker can send such beats
 * with ids of their choosing, so only the first {@value #MAX_IDS} ids are kept, each cut to {@value
 * #MAX_ID_LENGTH} characters: enough to spot a reader with the wrong key.
 */
final class UnverifiedKeyIds {
    static final int MAX_IDS = 16;
    static final int MAX_ID_LENGTH = 64;

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void add(String keyId) {
        if (ids.size() >= MAX_IDS) {
            return;
        }
        String id = String.valueOf(keyId);
        ids.add(id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) + "…" : id);
    }

    Set<String> sorted() {
        return new TreeSet<>(ids);
    }
}
