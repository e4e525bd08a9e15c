package dev.warren.internal.transport;

/**
 * A running consumer. {@link #cancel()} stops new deliveries while unsettled ones can still be
 * acked; {@link #close()} cancels and closes the channel (the broker requeues anything still
 * unacked).
 *
 * <pre>{@code
 * try (Subscription s = broker.consume(queue, 10, handler)) { ... }
 * }</pre>
 */
public interface Subscription extends AutoCloseable {
    void cancel();

    @Override
    void close();
}
