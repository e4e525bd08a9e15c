package dev.warren.internal.transport;

/**
 * Receives deliveries on the client's dispatch thread: hand long work to another thread and return.
 *
 * <pre>{@code
 * DeliveryHandler handler = delivery -> executor.execute(() -> process(delivery));
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryHandler {
    void handle(Delivery delivery);
}
