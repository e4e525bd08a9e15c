package dev.warren.transport;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges the deliveries of one channel many at a time: one {@code basic.ack} with {@code
 * multiple} for every {@value #SIZE} handled deliveries, and a flush a few milliseconds after the
 * last one, so a quiet queue holds nothing unacknowledged for long. Only for consumers that finish
 * each delivery, in delivery order, before the next: then every tag up to the last handled one is
 * done.
 */
final class AckBatch {
    private static final Logger log = LoggerFactory.getLogger(AckBatch.class);
    private static final int SIZE = 64;
    private static final long FLUSH_AFTER_MILLIS = 5;
    private static final ScheduledExecutorService FLUSHER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "warren-ack-flush");
                        t.setDaemon(true);
                        return t;
                    });

    private final Channel channel;
    private long lastHandled; // guarded by this
    private int unacknowledged; // guarded by this
    private boolean flushScheduled; // guarded by this

    AckBatch(Channel channel) {
        this.channel = channel;
    }

    synchronized void handled(long deliveryTag) {
        lastHandled = deliveryTag;
        if (++unacknowledged >= SIZE) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            FLUSHER.schedule(this::scheduledFlush, FLUSH_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        flush();
    }

    private void flush() {
        if (unacknowledged == 0) {
            return;
        }
        unacknowledged = 0;
        try {
            channel.basicAck(lastHandled, true);
        } catch (IOException | AlreadyClosedException e) {
            // the channel is gone: the broker redelivers what was not acknowledged
            log.debug("could not acknowledge up to delivery {}: {}", lastHandled, e.toString());
        }
    }
}
