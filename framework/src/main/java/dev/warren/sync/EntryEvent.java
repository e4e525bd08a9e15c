package dev.warren.sync;

/**
 * One committed change of a {@link SharedMap}, as {@link SharedMap#listen} hands it to every
 * listener in every process, in commit order: the map's {@code version} grows by one per change.
 *
 * <pre>{@code
 * try (EventChannel.Subscription s = prices.listen(e -> log.info("{} {}: {} -> {}",
 *         e.kind(), e.key(), e.oldValue(), e.newValue()))) {
 *     ...
 * }
 * }</pre>
 *
 * @param kind whether the key was added, updated or removed
 * @param key the key written
 * @param oldValue its value before, null when it was added
 * @param newValue its value after, null when it was removed
 * @param version the map's version this change brought it to
 * @param <K> key type
 * @param <V> value type
 */
public record EntryEvent<K, V>(Kind kind, K key, V oldValue, V newValue, long version) {
    /** What a change did to its key. */
    public enum Kind {
        ADDED,
        UPDATED,
        REMOVED;

        static Kind of(Object oldValue, Object newValue) {
            if (oldValue == null) {
                return ADDED;
            }
            return newValue == null ? REMOVED : UPDATED;
        }
    }
}
