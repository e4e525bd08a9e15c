package dev.warren.internal.replay;

import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one worker's entries to a log stream in batches, from a thread of its own: whatever piled
 * up while the last batch was sent goes in the next, and an idle worker sends an empty batch every
 * {@code beatEvery} to say it is alive.
 */
final class LogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    static final String TYPE = "warren.taken-log";
    private static final LogEntry STOP =
            new LogEntry(LogEntry.Kind.RELEASED, new TakenKey(0, 0, -1), 0);
    static final long LINGER_MILLIS = 5;

    private final BrokerLink link;
    private final String stream;
    private final String me;
    private final Duration beatEvery;
    private final LinkedBlockingQueue<LogEntry> outbox = new LinkedBlockingQueue<>();
    private final Thread thread;

    LogWriter(BrokerLink link, String stream, String me, Duration beatEvery) {
        this.link = link;
        this.stream = stream;
        this.me = me;
        this.beatEvery = beatEvery;
        this.thread = new Thread(this::run, "warren-taken-log-" + stream);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void append(LogEntry entry) {
        outbox.add(entry);
    }

    private void run() {
        send(List.of());
        boolean stopping = false;
        while (!stopping) {
            try {
                LogEntry first = outbox.poll(beatEvery.toMillis(), TimeUnit.MILLISECONDS);
                List<LogEntry> batch = new ArrayList<>();
                if (first != null) {
                    batch.add(first);
                    // what the fleet takes in the next moment shares this message: one stream
                    // message per linger, not one per task, however busy the worker is
                    Thread.sleep(LINGER_MILLIS);
                    outbox.drainTo(batch, LogBatch.MAX_ENTRIES - batch.size());
                }
                stopping = batch.removeIf(entry -> entry == STOP);
                if (first == null || !batch.isEmpty()) {
                    send(batch);
                }
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                log.warn("appending to {} failed: {}", stream, e.toString());
            }
        }
    }

    private void send(List<LogEntry> entries) {
        Envelope envelope =
                link.sealer()
                        .seal(
                                new Heading(
                                        UUID.randomUUID().toString(),
                                        TYPE,
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        Binding.of(stream, ReplayGuard.PURPOSE)),
                                new LogBatch(me, entries).encode());
        link.publish(stream, envelope, false)
                .exceptionally(
                        e -> {
                            log.warn("an append to {} was not confirmed: {}", stream, e.toString());
                            return null;
                        });
    }

    /** Sends what is pending and stops. */
    @Override
    public void close() {
        outbox.add(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
