package dev.warren.internal.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The arguments of the task path's queues. With quorum on, every one of them is a quorum queue,
 * replicated over the cluster's nodes; off, they are declared as they always were (classic), so an
 * existing broker sees the same arguments again.
 */
final class QueueShapes {
    private final boolean quorum;
    private final int deliveryLimit;
    private final Duration replyExpiry;

    QueueShapes(boolean quorum, int deliveryLimit, Duration replyExpiry) {
        this.quorum = quorum;
        this.deliveryLimit = deliveryLimit;
        this.replyExpiry = replyExpiry;
    }

    boolean quorum() {
        return quorum;
    }

    /** The dead-letter queue: plain, of the configured type. */
    Map<String, Object> deadLetters() {
        return typed();
    }

    /** The work queue, dead-lettering to {@code deadLetterQueue}. */
    Map<String, Object> work(String deadLetterQueue) {
        Map<String, Object> args = typed();
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", deadLetterQueue);
        if (quorum) {
            // a message that crashes workers again and again stops after this many deliveries;
            // at-least-once dead-lettering keeps it until the dead queue confirms
            args.put("x-delivery-limit", deliveryLimit);
            atLeastOnceDeadLettering(args);
        }
        return args;
    }

    /** A delay tier: holds a retry for {@code delay}, then moves it to {@code workQueue}. */
    Map<String, Object> delay(String workQueue, Duration delay) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-message-ttl", delay.toMillis());
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", workQueue);
        args.put("x-expires", delay.toMillis() + Duration.ofHours(1).toMillis());
        if (quorum) {
            args.put("x-queue-type", "quorum");
            // a retry moves on only once the work queue has it: a node lost during the move
            // neither drops it nor lets it skip its wait
            atLeastOnceDeadLettering(args);
        }
        return args;
    }

    /**
     * A client's reply queue. A quorum queue ignores the exclusive flag of a consumer, so with
     * quorum it serves a single active consumer instead: a second one gets nothing while the client
     * consumes.
     */
    Map<String, Object> reply() {
        Map<String, Object> args = new HashMap<>();
        args.put("x-expires", replyExpiry.toMillis());
        if (quorum) {
            args.put("x-queue-type", "quorum");
            args.put("x-single-active-consumer", true);
        }
        return args;
    }

    private Map<String, Object> typed() {
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", quorum ? "quorum" : "classic");
        return args;
    }

    private static void atLeastOnceDeadLettering(Map<String, Object> args) {
        args.put("x-dead-letter-strategy", "at-least-once");
        args.put("x-overflow", "reject-publish");
    }
}
