package dev.warren.sync;

import dev.warren.ConfigurationException;
import java.util.OptionalInt;

/**
 * How a {@link DistributedQueue} is made: unbounded, or bounded to at most {@code capacity}
 * unfinished items (waiting in the queue or taken and not yet marked done). Every process must open
 * a queue with the bound it was made with; the broker refuses another.
 *
 * <pre>{@code
 * DistributedQueue<Job> jobs = coordinator.queue("jobs", Job.class, QueueOptions.bounded(100));
 * }</pre>
 */
public final class QueueOptions {
    private static final QueueOptions UNBOUNDED = new QueueOptions(0);

    private final int capacity;

    private QueueOptions(int capacity) {
        this.capacity = capacity;
    }

    /** No bound: {@code put} never waits for room. */
    public static QueueOptions unbounded() {
        return UNBOUNDED;
    }

    /**
     * At most {@code capacity} unfinished items: {@code put} waits and {@code offer} refuses while
     * that many are waiting or in hand.
     */
    public static QueueOptions bounded(int capacity) {
        if (capacity < 1) {
            throw new ConfigurationException(
                    "queue capacity must be at least 1, was "
                            + capacity
                            + " (use QueueOptions.unbounded() for no bound)");
        }
        return new QueueOptions(capacity);
    }

    /** The bound; empty when unbounded. */
    public OptionalInt capacity() {
        return capacity == 0 ? OptionalInt.empty() : OptionalInt.of(capacity);
    }

    /** What the queue's {@code #bound} marker records: the capacity, 0 when unbounded. */
    int recordedBound() {
        return capacity;
    }

    @Override
    public String toString() {
        return capacity == 0 ? "unbounded" : "bounded to " + capacity;
    }
}
