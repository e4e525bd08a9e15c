package dev.warren.internal.transport;

import dev.warren.internal.wire.Envelope;

/**
 * One message handed to a consumer, to be settled exactly once: {@link #ack()}, {@link #requeue()}
 * or {@link #discard()}; later calls do nothing.
 *
 * <pre>{@code
 * broker.consume("warren.primes", 4, delivery -> {
 *     handle(delivery.envelope());
 *     delivery.ack();
 * });
 * }</pre>
 */
public interface Delivery {
    Envelope envelope();

    /** The broker queue it came from. */
    String queue();

    /** Whether the broker delivered this message before (to this or another consumer). */
    boolean redelivered();

    /** Done with it: the broker forgets the message. */
    void ack();

    /** Give it back: the broker delivers it again, perhaps to another consumer. */
    void requeue();

    /** Refuse it: the broker dead-letters it through the queue's dead-letter settings. */
    void discard();
}
