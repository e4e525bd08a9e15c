package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import dev.warren.ConfigurationException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.util.Map;

/**
 * Declares a distributed queue's queues, durable, quorum when the configuration asks for it: first
 * the {@code #bound} marker, whose {@code x-max-length} is the bound (0: none), so the broker
 * refuses a process that opens the queue with another bound before it can use it; then the items
 * and the unfinished markers; and for a bounded queue the slots, filled once with {@code capacity}
 * signed slots under the one-time initialiser (exactly that many, also when several processes
 * create the queue at once).
 */
final class QueueDeclarations {
    private QueueDeclarations() {}

    static void declare(Coordinator coordinator, QueueAddresses queue, QueueOptions options) {
        QueueArguments arguments = coordinator.queueArguments();
        Map<String, Object> bound = arguments.plain();
        bound.put("x-max-length", options.recordedBound());
        try {
            coordinator
                    .connection()
                    .withChannel(
                            queue.primitive(),
                            "declare",
                            ch -> ch.queueDeclare(queue.bound(), true, false, false, bound));
        } catch (CoordinationException e) {
            if (SyncFailures.replyCode(e.getCause()) == AMQP.PRECONDITION_FAILED) {
                throw new ConfigurationException(
                        queue.primitive()
                                + " exists with another bound than "
                                + options
                                + " ("
                                + e.getMessage()
                                + "); open it with the bound it was made with, or delete it"
                                + " first",
                        e);
            }
            throw e;
        }
        coordinator
                .connection()
                .withChannel(
                        queue.primitive(),
                        "declare",
                        ch -> {
                            ch.queueDeclare(queue.items(), true, false, false, arguments.plain());
                            ch.queueDeclare(
                                    queue.unfinished(), true, false, false, arguments.plain());
                            return null;
                        });
        options.capacity().ifPresent(capacity -> fillSlots(coordinator, queue, capacity));
    }

    private static void fillSlots(Coordinator coordinator, QueueAddresses queue, int capacity) {
        coordinator
                .initializer()
                .ensureInitialized(
                        queue.slots(),
                        queue.primitive(),
                        channel -> {
                            channel.queueDeclare(
                                    queue.slots(),
                                    true,
                                    false,
                                    false,
                                    coordinator.queueArguments().plain());
                            // a crashed earlier initialiser may have published some slots already
                            channel.queuePurge(queue.slots());
                            long now = System.currentTimeMillis();
                            for (int i = 1; i <= capacity; i++) {
                                String slot = "slot " + i + " of " + capacity;
                                Envelope sealed =
                                        coordinator.seals().seal(slot, queue.slot(), slot, now);
                                channel.basicPublish(
                                        "",
                                        queue.slots(),
                                        AmqpMessages.properties(sealed, true),
                                        sealed.body());
                            }
                            return null;
                        });
    }
}
