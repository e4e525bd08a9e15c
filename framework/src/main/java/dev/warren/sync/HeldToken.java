package dev.warren.sync;

import com.rabbitmq.client.Channel;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token message held as an unacked delivery: the common core of a lease and a permit, taken by
 * {@link TokenTaker}. Giving it back is cancel then nack(requeue) on the same channel (cancel
 * first, or the broker would hand the token straight back to this consumer). If the channel or
 * connection dies first, the broker requeues the token and this hold is lost.
 *
 * <p>A token of a single-active-consumer queue can be renewed: in one transaction on its channel,
 * ack it and publish it again to its queue; the broker delivers it to the active consumer, this
 * one, which restarts the broker's {@code consumer_timeout} for it. Once renewed, the channel is
 * transactional, and giving the token back closes the channel (which requeues it) instead.
 */
final class HeldToken {
    private static final Logger log = LoggerFactory.getLogger(HeldToken.class);

    private final Coordinator coordinator;
    private final String queue;
    private final String primitive;
    private final Channel channel;
    private final CompletableFuture<Long> granted = new CompletableFuture<>();
    private final List<Runnable> lostCallbacks = new CopyOnWriteArrayList<>();
    private final List<Runnable> endCallbacks = new CopyOnWriteArrayList<>();
    private final Object channelUse = new Object(); // one renewal or give-back at a time
    private volatile String consumerTag;
    private volatile long deliveryTag = -1;
    private volatile long deliveredAtNanos;
    private volatile CompletableFuture<Long> renewal;
    private volatile boolean transactional;
    private volatile boolean released;
    private volatile boolean lost;
    private volatile String lostReason;

    HeldToken(Coordinator coordinator, String queue, String primitive, Channel channel) {
        this.coordinator = coordinator;
        this.queue = queue;
        this.primitive = primitive;
        this.channel = channel;
    }

    /** Consuming from the token queue under {@code tag}: waiting for the grant. */
    void consuming(String tag) {
        this.consumerTag = tag;
    }

    /** The grant's delivery tag, once a genuine token arrives. */
    CompletableFuture<Long> grant() {
        return granted;
    }

    Channel channel() {
        return channel;
    }

    String primitive() {
        return primitive;
    }

    /** When the token held now was delivered (monotonic nanoseconds). */
    long deliveredAtNanos() {
        return deliveredAtNanos;
    }

    /** A genuine token arrived: the grant, or the token back from a renewal. */
    void delivered(long tag) {
        deliveryTag = tag;
        deliveredAtNanos = System.nanoTime();
        CompletableFuture<Long> pending = renewal;
        if (!granted.complete(tag) && pending != null) {
            pending.complete(tag);
        }
    }

    /** The consumer is gone: fails the wait for the grant or a renewal, else the hold is lost. */
    void ended(CoordinationException failure, String reason, boolean unexpected) {
        CompletableFuture<Long> pending = renewal;
        if (pending != null) {
            pending.completeExceptionally(failure);
        }
        if (!granted.completeExceptionally(failure)) {
            markLost(reason, unexpected);
        }
    }

    boolean isValid() {
        return !released && !lost && channel.isOpen();
    }

    /** Why the hold was lost; empty while it holds or after a release. */
    Optional<String> lostReason() {
        return Optional.ofNullable(lostReason);
    }

    void onLost(Runnable callback) {
        lostCallbacks.add(callback);
        if (lost && lostCallbacks.remove(callback)) {
            coordinator.runCallback(callback);
        }
    }

    /** Runs {@code callback} here once the hold is over, released or lost (at once if it is). */
    void onEnd(Runnable callback) {
        endCallbacks.add(callback);
        if ((released || lost) && endCallbacks.remove(callback)) {
            callback.run();
        }
    }

    /** False if the hold was over already. */
    private boolean markLost(String reason, boolean unexpected) {
        synchronized (this) {
            if (released || lost) {
                return false;
            }
            lostReason = reason;
            lost = true;
        }
        if (unexpected) {
            log.warn("{} was lost: {}", primitive, reason);
        } else {
            log.info("{} ended: {}", primitive, reason);
        }
        runEndCallbacks();
        for (Runnable callback : lostCallbacks) {
            if (lostCallbacks.remove(callback)) {
                coordinator.runCallback(callback);
            }
        }
        return true;
    }

    private void runEndCallbacks() {
        for (Runnable callback : endCallbacks) {
            if (endCallbacks.remove(callback)) {
                callback.run();
            }
        }
    }

    /**
     * Restarts the broker's timer: acks the token and publishes {@code fresh} to its queue in one
     * transaction, then waits up to {@code waitBack} for it to come back to this consumer. A
     * failure loses the hold (and closes the channel, which gives back whatever it still holds).
     */
    void renew(Envelope fresh, Duration waitBack) {
        CompletableFuture<Long> back = new CompletableFuture<>();
        try {
            synchronized (channelUse) {
                if (!isValid()) {
                    return;
                }
                renewal = back;
                if (!transactional) {
                    channel.txSelect();
                    transactional = true;
                }
                channel.basicAck(deliveryTag, false);
                channel.basicPublish("", queue, AmqpMessages.properties(fresh, true), fresh.body());
                channel.txCommit();
            }
            // outside the lock: the consumer thread may need the channel for a forgery first
            back.get(waitBack.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            renewalFailed(
                    "it was renewed, but the token did not come back within "
                            + SyncFailures.humanize(waitBack));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            renewalFailed("its renewal was interrupted");
        } catch (ExecutionException e) {
            renewalFailed("its renewal failed: " + e.getCause().getMessage());
        } catch (IOException | RuntimeException e) {
            renewalFailed(
                    "its renewal failed: "
                            + SyncFailures.translate(primitive, "renew", coordinator.broker(), e)
                                    .getMessage());
        } finally {
            renewal = null;
        }
    }

    /**
     * Acks a message that is not a genuine token, committing when the channel is transactional;
     * under the channel's lock, as a renewal's transaction on the same channel may be under way.
     */
    void removeUntrusted(long tag) throws IOException {
        synchronized (channelUse) {
            channel.basicAck(tag, false);
            if (transactional) {
                channel.txCommit();
            }
        }
    }

    private void renewalFailed(String reason) {
        markLost(reason, !coordinator.isClosed());
        SyncConnection.abortQuietly(channel);
    }

    /** Ends the hold with {@code reason} (the lost callbacks run), then gives the token back. */
    void end(String reason) {
        if (markLost(reason, false)) {
            giveBack();
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
        runEndCallbacks();
        giveBack();
    }

    private void giveBack() {
        synchronized (channelUse) {
            if (transactional) {
                // a nack would wait for a commit; closing requeues the token just as well
                SyncConnection.closeQuietly(channel);
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
}
