package dev.warren.internal.replay;

import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue's {@link FleetMemory}, kept in step with the fleet through the stream {@code
 * warren.<queue>.taken}: it reads the stream from the start of the acceptance window before the
 * worker takes anything, follows it, and appends this worker's own takings through a {@link
 * LogWriter}.
 */
public final class ReplayGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);
    static final String PURPOSE = "taken-log";

    private final BrokerLink link;
    private final String stream;
    private final String me;
    private final Settings settings;
    private final FleetMemory memory;
    private final LogWriter writer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong refusedEntries = new AtomicLong();
    private volatile Subscription reader;

    /**
     * @param window how long an attempt must be remembered: the acceptance window of tasks
     * @param capacity attempts remembered at most
     * @param deliveryLimit lost takings after which a task is refused
     * @param beatEvery how often an idle worker says it is alive
     * @param staleAfter silence after which a worker counts as gone
     */
    public record Settings(
            Duration window,
            int capacity,
            int deliveryLimit,
            Duration beatEvery,
            Duration staleAfter,
            Duration catchUpTimeout) {}

    private ReplayGuard(BrokerLink link, String queue, String me, Settings settings) {
        this.link = link;
        this.stream = link.names().takenLog(queue);
        this.me = me;
        this.settings = settings;
        this.memory =
                new FleetMemory(
                        settings.capacity(), settings.deliveryLimit(), settings.staleAfter());
        this.writer = new LogWriter(link, stream, me, settings.beatEvery());
    }

    /**
     * Declares the stream, reads it up to now and starts following it.
     *
     * @throws WarrenException when the stream cannot be read up to now in {@code catchUpTimeout}
     */
    public static ReplayGuard start(BrokerLink link, String queue, String me, Settings settings) {
        ReplayGuard guard = new ReplayGuard(link, queue, me, settings);
        try {
            link.topology().declareTakenLog(queue, settings.window());
        } catch (WarrenException e) {
            throw new WarrenException(
                    "could not declare "
                            + guard.stream
                            + ", the stream where workers log the tasks they take (streams need"
                            + " RabbitMQ 3.9 or later, with the stream_queue feature flag on);"
                            + " WorkerConfig.replayMemory(0) runs without replay protection: "
                            + e.getMessage(),
                    e);
        }
        guard.reader =
                link.follow(
                        guard.stream,
                        System.currentTimeMillis() - settings.window().toMillis(),
                        guard::read);
        guard.writer.start();
        try {
            if (!guard.caughtUp.await(
                    settings.catchUpTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                guard.close();
                throw new WarrenException(
                        "could not read the log of taken tasks "
                                + guard.stream
                                + " up to now within "
                                + settings.catchUpTimeout()
                                + "; the worker does not take tasks it cannot check for replays");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.close();
            throw new WarrenException("interrupted while reading " + guard.stream, e);
        }
        return guard;
    }

    /**
     * Decides whether this delivery may run, waiting while the worker that holds it still looks
     * alive, at most twice {@code staleAfter}.
     */
    public ReplayVerdict take(TakenKey key, long taskTimestamp, boolean redelivered) {
        long giveUpAt = System.currentTimeMillis() + 2 * settings.staleAfter().toMillis();
        while (true) {
            long now = System.currentTimeMillis();
            ReplayVerdict verdict;
            synchronized (memory) {
                verdict = memory.decide(key, taskTimestamp, redelivered, me, now);
            }
            if (verdict instanceof ReplayVerdict.Take) {
                writer.append(new LogEntry(LogEntry.Kind.TAKEN, key, taskTimestamp));
                return verdict;
            }
            if (!(verdict instanceof ReplayVerdict.Wait wait)) {
                return verdict;
            }
            if (now >= giveUpAt) {
                return new ReplayVerdict.Refuse(
                        RejectReason.REPLAYED,
                        "task "
                                + key
                                + " is held by a worker that is still alive; this redelivered"
                                + " copy was published again: refused as a replay");
            }
            sleep(Math.max(1, Math.min(wait.untilMillis(), giveUpAt) - now));
        }
    }

    /** This worker settled a delivery it took: acknowledged it, or gave it back. */
    public void settled(TakenKey key, boolean givenBack) {
        synchronized (memory) {
            memory.settled(key, givenBack, me);
        }
        writer.append(
                new LogEntry(givenBack ? LogEntry.Kind.RELEASED : LogEntry.Kind.SETTLED, key, 0));
    }

    private void read(Envelope envelope) {
        LogBatch batch;
        try {
            Object payload = link.sealer().open(envelope, Binding.of(stream, PURPOSE));
            if (!(payload instanceof byte[] bytes)) {
                throw new IllegalArgumentException("not a log batch");
            }
            batch = LogBatch.decode(bytes);
        } catch (IllegalArgumentException | WarrenException e) {
            long refused = refusedEntries.incrementAndGet();
            if (refused == 1 || refused % 1000 == 0) {
                log.warn(
                        "refused {} entries of {} so far; the last: {}",
                        refused,
                        stream,
                        SafeText.of(String.valueOf(e.getMessage())));
            }
            return;
        }
        boolean mine = batch.worker().equals(me);
        synchronized (memory) {
            memory.heard(batch.worker(), envelope.timestamp(), mine ? List.of() : batch.entries());
        }
        if (mine) {
            caughtUp.countDown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is still pending, then stops reading. */
    @Override
    public void close() {
        writer.close();
        Subscription current = reader;
        if (current != null) {
            current.close();
        }
    }
}
