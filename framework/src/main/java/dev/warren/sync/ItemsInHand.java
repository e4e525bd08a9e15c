package dev.warren.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The items one distributed-queue instance has taken and not yet marked done, oldest first: {@code
 * taskDone()} settles the oldest, as {@code JoinableQueue.task_done()} counts down without naming
 * the item. Thread-safe.
 */
final class ItemsInHand<T> {
    private final String primitive;
    private final ArrayDeque<T> held = new ArrayDeque<>();

    ItemsInHand(String primitive) {
        this.primitive = primitive;
    }

    synchronized void add(T item) {
        held.addLast(item);
    }

    /**
     * @throws IllegalStateException when nothing is in hand: more taskDone() calls than takes
     */
    synchronized T removeOldest() {
        T oldest = held.pollFirst();
        if (oldest == null) {
            throw new IllegalStateException(
                    primitive
                            + ": taskDone() was called more often than items were taken through"
                            + " this instance; call it once per item returned by get or poll");
        }
        return oldest;
    }

    synchronized int size() {
        return held.size();
    }

    /** Everything in hand, removed from here. */
    synchronized List<T> removeAll() {
        List<T> all = new ArrayList<>(held);
        held.clear();
        return all;
    }
}
