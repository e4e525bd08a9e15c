package dev.warren.worker;

import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the worker pipeline needs of the broker: publishing with confirms, notices, and delay
 * queues.
 */
interface WorkerPort {

    /**
     * Completes when the broker has confirmed the message; fails when it refuses it or, when {@code
     * mandatory}, when no such queue exists.
     */
    CompletableFuture<Void> publish(String brokerQueue, Envelope envelope, boolean mandatory);

    /**
     * Publishes a refusal notice to the notice exchange, routed by {@code replyQueue}; completes
     * when confirmed (a notice no queue is bound for is dropped by the broker).
     */
    CompletableFuture<Void> publishNotice(String replyQueue, Envelope notice);

    /** Declares (idempotently) the queue that holds retries of {@code queue} for {@code delay}. */
    void declareDelayQueue(String queue, Duration delay);
}
