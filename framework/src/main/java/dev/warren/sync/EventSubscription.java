package dev.warren.sync;

/**
 * A running subscription to an {@link EventChannel}: its own exclusive queue, deleted when the
 * subscription closes or its process dies. Events published while it is open reach it once each.
 *
 * <pre>{@code
 * try (EventSubscription s = prices.subscribe(p -> cache.update(p))) {
 *     ...
 *     log.info("{} events, {} dropped", s.receivedCount(), s.droppedCount());
 * }
 * }</pre>
 */
public interface EventSubscription extends AutoCloseable {
    /** Events handed to the handler so far. */
    long receivedCount();

    /** Messages refused so far: unsigned, tampered, replayed, or of the wrong type. */
    long droppedCount();

    /** False once closed or once its channel or connection is gone. */
    boolean isActive();

    /** Stops the subscription and deletes its queue. */
    @Override
    void close();
}
