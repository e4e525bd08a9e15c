package dev.warren.sync;

import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * Up to {@code capacity} idle resources for reuse, most recently returned first; resources that are
 * no longer usable when asked for are forgotten. Thread-safe.
 */
final class IdlePool<T> {
    private final int capacity;
    private final Predicate<T> usable;
    private final ArrayDeque<T> idle = new ArrayDeque<>();

    IdlePool(int capacity, Predicate<T> usable) {
        this.capacity = capacity;
        this.usable = usable;
    }

    /** A usable idle resource, or null if there is none. */
    synchronized T take() {
        while (!idle.isEmpty()) {
            T resource = idle.pop();
            if (usable.test(resource)) {
                return resource;
            }
        }
        return null;
    }

    /** Keeps {@code resource} for reuse; false if the caller must dispose of it instead. */
    synchronized boolean giveBack(T resource) {
        if (!usable.test(resource) || idle.size() >= capacity) {
            return false;
        }
        idle.push(resource);
        return true;
    }
}
