package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of a shared map: one request at a time, each with the next sequence number of
 * this client, published confirmed to the owner's queue and resent under the same number when no
 * reply came for a while (the owner may have died holding it; the next owner answers a request it
 * already applied from its cache instead of applying it again).
 */
final class MapClient {
    private static final Duration RESEND_AFTER = Duration.ofSeconds(5);

    private final Coordinator coordinator;
    private final MapAddresses map;
    private final MapMessages messages;
    private final String clientId = UUID.randomUUID().toString();
    private final PendingReply pending = new PendingReply();
    private final MapReplies replies;
    private long seq; // guarded by this

    MapClient(Coordinator coordinator, MapAddresses map, MapMessages messages) {
        this.coordinator = coordinator;
        this.map = map;
        this.messages = messages;
        this.replies =
                MapReplies.open(coordinator.connection(), map.primitive(), messages, pending);
    }

    synchronized MapWire.Reply request(
            int op, Object key, Object value, long expectedVersion, Duration timeout) {
        MapWire.Request request =
                new MapWire.Request(clientId, ++seq, op, key, value, expectedVersion);
        CompletableFuture<MapWire.Reply> reply = pending.expect(request.seq());
        try {
            Envelope sealed =
                    messages.request(request, replies.queue(), System.currentTimeMillis());
            return publishUntilAnswered(sealed, reply, timeout);
        } finally {
            pending.stopWaiting();
        }
    }

    private MapWire.Reply publishUntilAnswered(
            Envelope sealed, CompletableFuture<MapWire.Reply> reply, Duration timeout) {
        String primitive = map.primitive();
        AMQP.BasicProperties properties = AmqpMessages.properties(sealed, true);
        Deadline deadline = Deadline.in(timeout);
        try {
            while (true) {
                coordinator
                        .publisher()
                        .publish(primitive, "", map.requestQueue(), properties, sealed.body());
                try {
                    return reply.get(deadline.nextWaitNanos(RESEND_AFTER), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (deadline.hasPassed()) {
                        throw new CoordinationException(
                                primitive
                                        + ": no owner answered within "
                                        + SyncFailures.humanize(timeout)
                                        + " (is the broker overloaded?)");
                    }
                    coordinator.connection().checkOpen(primitive, "update");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(
                    primitive + ": interrupted while waiting for the owner");
        } catch (ExecutionException e) {
            throw SyncFailures.translate(
                    primitive, "wait for the owner", coordinator.broker(), e.getCause());
        }
    }

    void close() {
        replies.close();
    }
}
