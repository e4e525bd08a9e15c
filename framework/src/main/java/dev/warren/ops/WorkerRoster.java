package dev.warren.ops;

import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.transport.Announcements;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live workers, from their heartbeats: listens on the namespace's heartbeat exchange and keeps
 * each worker's latest beat. Beats whose signature does not verify with this process's keys are
 * counted, not trusted: many of them mean this reader has the wrong key.
 *
 * <pre>{@code
 * List<WorkerHeartbeat> live = WorkerRoster.collect(broker, Duration.ofSeconds(6));
 * try (WorkerRoster roster = WorkerRoster.listen(broker)) {
 *     roster.awaitRecentBeats(Duration.ofSeconds(6));
 *     ... roster.workers() ...
 * }
 * }</pre>
 */
public final class WorkerRoster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerRoster.class);
    private static final Duration KEEP_STOPPED = Duration.ofMinutes(1);
    private static final Duration RECALL = Duration.ofMinutes(2);
    private static final String MARK_TYPE = "warren.roster-mark";

    /** Three default heartbeat intervals and a second, as {@link WorkerHeartbeat#isFresh}. */
    private static final Duration UNVERIFIED_WINDOW = Duration.ofSeconds(16);

    private final BrokerLink broker;
    private final Map<String, WorkerHeartbeat> latest = new ConcurrentHashMap<>();
    private final AtomicLong unverified = new AtomicLong();
    private final UnverifiedKeyIds unverifiedKeyIds = new UnverifiedKeyIds();
    private final Subscription subscription;
    private final boolean marked; // recalling the recent beats, with a mark behind them
    private final String markId = UUID.randomUUID().toString();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final long startedAt = System.currentTimeMillis();

    private WorkerRoster(BrokerLink broker) {
        this.broker = broker;
        Announcements beats =
                Announcements.on(broker, broker.names().heartbeats(), Duration.ofMinutes(1));
        Optional<Subscription> recalled =
                beats.recall(System.currentTimeMillis() - RECALL.toMillis(), this::receive);
        this.subscription = recalled.orElseGet(() -> beats.listen(this::receive));
        this.marked = recalled.isPresent() && publishMark(beats);
    }

    private boolean publishMark(Announcements beats) {
        try {
            beats.publish(mark());
            return true;
        } catch (WarrenException e) {
            log.debug("cannot mark the end of the recent heartbeats: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Starts listening. Where the workers keep their recent beats on the broker (the stream {@code
     * warren.heartbeats.recent}, which they declare), the roster reads them first and {@link
     * #awaitRecentBeats} returns once it has; elsewhere workers show up within one heartbeat
     * interval.
     */
    public static WorkerRoster listen(Broker broker) {
        return new WorkerRoster(BrokerLink.of(broker));
    }

    /**
     * The live workers once the recent beats are read, or after {@code wait} (at least a heartbeat
     * interval) where the broker keeps none.
     */
    public static List<WorkerHeartbeat> collect(Broker broker, Duration wait)
            throws InterruptedException {
        try (WorkerRoster roster = listen(broker)) {
            roster.awaitRecentBeats(wait);
            return roster.workers();
        }
    }

    /**
     * Waits until every beat sent before this roster started is read, at most {@code wait}; where
     * the broker keeps no recent beats, waits all of {@code wait} for the next ones. Returns
     * whether the recent beats were read.
     */
    public boolean awaitRecentBeats(Duration wait) throws InterruptedException {
        if (!marked) {
            Thread.sleep(wait.toMillis());
            return false;
        }
        return caughtUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Published behind the recent beats: once it is read back, so is everything before it. Not a
     * heartbeat, so every roster ignores it but this one.
     */
    private Envelope mark() {
        long now = System.currentTimeMillis();
        return broker.sealer()
                .seal(
                        Heading.of(
                                markId,
                                MARK_TYPE,
                                now,
                                Binding.of(broker.names().heartbeats(), MARK_TYPE)),
                        new LinkedHashMap<String, String>());
    }

    private void receive(Envelope envelope) {
        if (markId.equals(envelope.messageId())) {
            caughtUp.countDown();
            return;
        }
        if (!WorkerHeartbeat.TYPE.equals(envelope.type())) {
            return;
        }
        Object payload;
        try {
            payload =
                    broker.sealer()
                            .open(
                                    envelope,
                                    Binding.of(broker.names().heartbeats(), WorkerHeartbeat.TYPE));
        } catch (RejectedMessageException e) {
            if (envelope.timestamp() < startedAt - UNVERIFIED_WINDOW.toMillis()) {
                return; // recalled from before: it says nothing about keys in use now
            }
            if (unverified.incrementAndGet() == 1) {
                log.debug("ignoring a heartbeat that does not verify: {}", e.getMessage());
            }
            unverifiedKeyIds.add(envelope.keyId());
            return;
        }
        if (!(payload instanceof Map<?, ?> map)) {
            return;
        }
        try {
            WorkerHeartbeat beat = WorkerHeartbeat.fromMap(map);
            latest.merge(
                    beat.workerId(), beat, (old, now) -> now.sentAt() >= old.sentAt() ? now : old);
        } catch (IllegalArgumentException e) {
            log.debug("ignoring a heartbeat: {}", e.getMessage());
        }
    }

    /**
     * The workers heard from lately, by host and pid: running ones while their beats are fresh,
     * stopping ones for a minute after their last beat.
     */
    public List<WorkerHeartbeat> workers() {
        long now = System.currentTimeMillis();
        latest.values()
                .removeIf(
                        w ->
                                WorkerHeartbeat.STOPPING.equals(w.state())
                                        ? now - w.sentAt() > KEEP_STOPPED.toMillis()
                                        : !w.isFresh(now));
        List<WorkerHeartbeat> workers = new ArrayList<>(latest.values());
        workers.sort(
                Comparator.comparing(WorkerHeartbeat::host)
                        .thenComparingLong(WorkerHeartbeat::pid)
                        .thenComparing(WorkerHeartbeat::workerId));
        return workers;
    }

    /** Heartbeats refused because their signature did not verify with this process's keys. */
    public long unverified() {
        return unverified.get();
    }

    /** The key ids those refused heartbeats named, at most the first few, cut short. */
    public Set<String> unverifiedKeyIds() {
        return unverifiedKeyIds.sorted();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
