package dev.warren.internal.transport;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgements of one consumer channel, sent many at a time: one {@code basic.ack} with
 * {@code multiple} covers every delivery up to the oldest one still being worked on, once {@code
 * flushAt} deliveries are done or a few milliseconds after the last one. Deliveries may finish in
 * any order; none is acknowledged before it is done. Rejections go out at once, under the same
 * lock, so a later multiple acknowledgement never covers a delivery that was given back.
 */
final class Acknowledgements {
    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);
    private static final int MOST_PER_FRAME = 64;
    private static final long FLUSH_AFTER_MILLIS = 5;
    private static final ScheduledExecutorService FLUSHER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "warren-ack-flush");
                        t.setDaemon(true);
                        return t;
                    });

    /** Where acknowledgements go: a consumer's channel. */
    interface Sink {
        void ack(long upToTag) throws IOException;

        void reject(long tag, boolean requeue) throws IOException;
    }

    private final Sink sink;
    private final int flushAt;
    private final TreeSet<Long> unsettled = new TreeSet<>(); // guarded by this
    private final TreeSet<Long> doneNotAcknowledged = new TreeSet<>(); // guarded by this
    private long highestDelivered; // guarded by this
    private long acknowledgedUpTo; // guarded by this
    private int doneSinceFlush; // guarded by this
    private boolean flushScheduled; // guarded by this

    /** Acknowledgements on a consumer channel. */
    static Acknowledgements on(Channel channel, int prefetch) {
        return new Acknowledgements(
                new Sink() {
                    @Override
                    public void ack(long upToTag) throws IOException {
                        channel.basicAck(upToTag, true);
                    }

                    @Override
                    public void reject(long tag, boolean requeue) throws IOException {
                        channel.basicReject(tag, requeue);
                    }
                },
                prefetch);
    }

    /**
     * {@code prefetch} bounds how many deliveries may wait for an acknowledgement: holding back
     * more than a quarter of it would leave the consumer idle waiting for the broker.
     */
    Acknowledgements(Sink sink, int prefetch) {
        this.sink = sink;
        this.flushAt = Math.max(1, Math.min(MOST_PER_FRAME, prefetch / 4));
    }

    synchronized void delivered(long tag) {
        unsettled.add(tag);
        highestDelivered = Math.max(highestDelivered, tag);
    }

    synchronized void done(long tag) {
        unsettled.remove(tag);
        doneNotAcknowledged.add(tag);
        if (++doneSinceFlush >= flushAt) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            FLUSHER.schedule(this::scheduledFlush, FLUSH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void rejected(long tag, boolean requeue) throws IOException {
        unsettled.remove(tag);
        sink.reject(tag, requeue);
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        flush();
    }

    /** Sends what is due now: before the channel closes, or the broker would redeliver it. */
    synchronized void flushNow() {
        flush();
    }

    private void flush() {
        doneSinceFlush = 0;
        long limit = unsettled.isEmpty() ? highestDelivered : unsettled.first() - 1;
        // RabbitMQ refuses a multiple ack whose own tag is no longer outstanding ("unknown delivery
        // tag"), so it must name a delivery that is done, never one that was given back
        Long upTo = doneNotAcknowledged.floor(limit);
        if (upTo == null || upTo <= acknowledgedUpTo) {
            return;
        }
        acknowledgedUpTo = upTo;
        doneNotAcknowledged.headSet(upTo, true).clear();
        try {
            sink.ack(upTo);
        } catch (IOException | AlreadyClosedException e) {
            // the channel is gone: the broker redelivers what was not acknowledged
            log.debug("could not acknowledge up to delivery {}: {}", upTo, e.toString());
        }
    }
}
