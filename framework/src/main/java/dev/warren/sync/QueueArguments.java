package dev.warren.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * The arguments of the queues the primitives declare: quorum when the configuration asks for it,
 * classic otherwise, and never a delivery limit: RabbitMQ 3.10 counts every return of a token, a
 * normal release included, and drops the token at the limit.
 */
final class QueueArguments {
    private final boolean quorum;

    QueueArguments(boolean quorum) {
        this.quorum = quorum;
    }

    /** For the sequencer and the semaphore's permits: competing consumers. */
    Map<String, Object> plain() {
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", quorum ? "quorum" : "classic");
        return args;
    }

    /** For a lock's token and a map's requests: the broker serves one consumer at a time. */
    Map<String, Object> singleActiveConsumer() {
        Map<String, Object> args = plain();
        args.put("x-single-active-consumer", true);
        return args;
    }

    /** For state that is "the latest message": an event's flag. */
    Map<String, Object> latestMessageOnly() {
        Map<String, Object> args = plain();
        args.put("x-max-length", 1);
        return args;
    }
}
