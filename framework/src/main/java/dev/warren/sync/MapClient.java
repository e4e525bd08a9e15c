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
 * already applied from its cache instead of applying it again). A request cut by the loss of the
 * coordinator's connection is resent, with a new reply queue, once the connection is back.
 */
final class MapClient {
    private static final Duration RESEND_AFTER = Duration.ofSeconds(5);

    private final Coordinator coordinator;
    private final MapAddresses map;
    private final MapMessages messages;
    private final String clientId = UUID.randomUUID().toString();
    private final PendingReply pending = new PendingReply();
    private volatile MapReplies replies; // replaced under this
    private long seq; // guarded by this

    MapClient(Coordinator coordinator, MapAddresses map, MapMessages messages) {
        this.coordinator = coordinator;
        this.map = map;
        this.messages = messages;
        this.replies = openReplies(Deadline.in(Coordinator.CALL_WAIT));
    }

    private MapReplies openReplies(Deadline until) {
        return MapReplies.open(coordinator.connection(), map.primitive(), messages, pending, until);
    }

    synchronized MapWire.Reply request(
            int op, Object key, Object value, long expectedVersion, Duration timeout) {
        MapWire.Request request =
                new MapWire.Request(clientId, ++seq, op, key, value, expectedVersion);
        Deadline deadline = Deadline.in(timeout);
        try {
            while (true) {
                MapWire.Reply reply =
                        AcrossLosses.run(
                                coordinator.connection(),
                                deadline,
                                () -> sendAndWait(request, deadline));
                if (reply != null) {
                    return reply;
                }
                if (deadline.hasPassed()) {
                    throw new CoordinationException(
                            map.primitive()
                                    + ": no owner answered within "
                                    + SyncFailures.humanize(timeout)
                                    + " (is the broker overloaded or unreachable?)");
                }
            }
        } finally {
            pending.stopWaiting();
        }
    }

    /** One send, then a wait of up to {@link #RESEND_AFTER}; null when it is time to resend. */
    private MapWire.Reply sendAndWait(MapWire.Request request, Deadline deadline) {
        String primitive = map.primitive();
        if (!replies.isOpen()) {
            replies = openReplies(deadline);
        }
        CompletableFuture<MapWire.Reply> reply = pending.expect(request.seq());
        Envelope sealed = messages.request(request, replies.queue(), System.currentTimeMillis());
        AMQP.BasicProperties properties = AmqpMessages.properties(sealed, true);
        coordinator
                .publisher()
                .publish(primitive, "", map.requestQueue(), properties, sealed.body());
        try {
            return reply.get(
                    Math.max(0, deadline.nextWaitNanos(RESEND_AFTER)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
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
