package dev.warren.sync;

/**
 * A value read from a {@link SharedMap} with the version of its last write, for {@link
 * SharedMap#compareAndSet}. Version 0 means the key is absent; versions of a key only grow, also
 * across removal and re-insertion, so a compare-and-set never succeeds on a stale read.
 *
 * <pre>{@code
 * Versioned<Integer> seen = counters.getVersioned("jobs");
 * boolean won = counters.compareAndSet("jobs", seen.version(), seen.value() == null ? 1 : seen.value() + 1);
 * }</pre>
 *
 * @param value the value, or null when absent
 * @param version the map's version when the key was last written, 0 when absent
 * @param <V> the value type
 */
public record Versioned<V>(V value, long version) {
    public boolean isPresent() {
        return version != 0;
    }
}
