package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token message held as an unacked delivery: the common core of a lease and a permit. Taking it
 * is consuming with prefetch 1 until a token that verifies arrives (forgeries are acked away);
 * giving it back is cancel then nack(requeue) on the same channel (cancel first, or the broker
 * would hand the token straight back to this consumer). If the channel or connection dies first,
 * the broker requeues the token and this hold is lost.
 */
final class HeldToken {
    private static final Logger log = LoggerFactory.getLogger(HeldToken.class);

    private final Coordinator coordinator;
    private final String primitive;
    private final Channel channel;
    private final List<Runnable> lostCallbacks = new CopyOnWriteArrayList<>();
    private volatile String consumerTag;
    private volatile long deliveryTag = -1;
    private volatile boolean released;
    private volatile boolean lost;

    private HeldToken(Coordinator coordinator, String primitive, Channel channel) {
        this.coordinator = coordinator;
        this.primitive = primitive;
        this.channel = channel;
    }

    /**
     * Waits up to {@code timeout} (null: for ever) for a token of {@code queue} signed for {@code
     * binding}; null on timeout. Anything else met in the queue is removed and counted, never held.
     * A wait cut by the loss of the coordinator's connection goes on on the next connection.
     */
    static HeldToken take(
            Coordinator coordinator,
            String queue,
            Binding binding,
            String primitive,
            Duration timeout) {
        Deadline deadline = timeout == null ? null : Deadline.in(timeout);
        return coordinator
                .connection()
                .acrossLosses(
                        deadline, () -> takeOnce(coordinator, queue, binding, primitive, deadline));
    }

    private static HeldToken takeOnce(
            Coordinator coordinator,
            String queue,
            Binding binding,
            String primitive,
            Deadline deadline) {
        Channel channel = coordinator.holdChannels().borrow(primitive, deadline);
        HeldToken hold = new HeldToken(coordinator, primitive, channel);
        CompletableFuture<Long> delivered = new CompletableFuture<>();
        try {
            hold.consumerTag =
                    channel.basicConsume(
                            queue,
                            false,
                            new DefaultConsumer(channel) {
                                @Override
                                public void handleDelivery(
                                        String tag,
                                        Envelope envelope,
                                        AMQP.BasicProperties properties,
                                        byte[] body)
                                        throws IOException {
                                    if (!hold.genuine(binding, properties, body)) {
                                        // removed, or it would come back to the next taker
                                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                                        return;
                                    }
                                    hold.deliveryTag = envelope.getDeliveryTag();
                                    delivered.complete(envelope.getDeliveryTag());
                                }

                                @Override
                                public void handleCancel(String tag) {
                                    // the broker cancels consumers of a deleted queue
                                    String reason = "its queue " + queue + " was deleted";
                                    if (!delivered.completeExceptionally(
                                            new CoordinationException(primitive + ": " + reason))) {
                                        hold.markLost(reason, true);
                                    }
                                }

                                @Override
                                public void handleShutdownSignal(
                                        String tag, ShutdownSignalException sig) {
                                    String reason =
                                            "its channel closed ("
                                                    + RabbitExceptions.describe(sig)
                                                    + ")";
                                    if (!delivered.completeExceptionally(
                                            SyncFailures.translate(
                                                    primitive,
                                                    "wait",
                                                    coordinator.broker(),
                                                    sig))) {
                                        hold.markLost(reason, !sig.isInitiatedByApplication());
                                    }
                                }
                            });
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(
                    primitive, "wait in queue " + queue, coordinator.broker(), e);
        }
        try {
            if (deadline == null) {
                delivered.get();
            } else {
                delivered.get(Math.max(0, deadline.nanosLeft()), TimeUnit.NANOSECONDS);
            }
            return hold;
        } catch (TimeoutException e) {
            // closing (not cancelling) requeues a token that may arrive in this very moment
            SyncConnection.abortQuietly(channel);
            return null;
        } catch (InterruptedException e) {
            SyncConnection.abortQuietly(channel);
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while waiting");
        } catch (ExecutionException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "wait", coordinator.broker(), e.getCause());
        }
    }

    private boolean genuine(Binding binding, AMQP.BasicProperties properties, byte[] body) {
        try {
            coordinator
                    .seals()
                    .open(AmqpMessages.envelope(properties, body), binding, String.class);
            return true;
        } catch (RejectedMessageException e) {
            coordinator.drops().drop(primitive, e.reason().name(), e.getMessage());
            return false;
        }
    }

    boolean isValid() {
        return !released && !lost && channel.isOpen();
    }

    void onLost(Runnable callback) {
        lostCallbacks.add(callback);
        if (lost && lostCallbacks.remove(callback)) {
            coordinator.runCallback(callback);
        }
    }

    private void markLost(String reason, boolean unexpected) {
        synchronized (this) {
            if (released || lost) {
                return;
            }
            lost = true;
        }
        if (unexpected) {
            log.warn("{} was lost: {}", primitive, reason);
        } else {
            log.debug("{} was lost: {}", primitive, reason);
        }
        for (Runnable callback : lostCallbacks) {
            if (lostCallbacks.remove(callback)) {
                coordinator.runCallback(callback);
            }
        }
    }

    /**
     * Gives the token back; idempotent; a lost token is already back. A channel found closed here
     * was lost before the release, though its shutdown may not have been reported yet: the holder
     * is told as for any loss.
     */
    void release() {
        boolean closedBefore;
        synchronized (this) {
            if (released || lost) {
                return;
            }
            closedBefore = !channel.isOpen();
            released = !closedBefore;
        }
        if (closedBefore) {
            markLost("its channel closed before the release", true);
            return;
        }
        try {
            channel.basicCancel(consumerTag);
            channel.basicNack(deliveryTag, false, true);
            coordinator.holdChannels().giveBack(channel);
        } catch (IOException | RuntimeException e) {
            // closing the channel gives the token back just as well
            log.debug("{}: release by closing the channel: {}", primitive, e.toString());
            SyncConnection.abortQuietly(channel);
        }
    }
}
