package dev.warren.ops;

import dev.warren.Broker;
import dev.warren.internal.transport.Announcements;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Subscription;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * try (WorkerRoster roster = WorkerRoster.listen(broker)) { ... roster.workers() ... }
 * }</pre>
 */
public final class WorkerRoster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerRoster.class);
    private static final Duration KEEP_STOPPED = Duration.ofMinutes(1);

    private final BrokerLink broker;
    private final Map<String, WorkerHeartbeat> latest = new ConcurrentHashMap<>();
    private final AtomicLong unverified = new AtomicLong();
    private final UnverifiedKeyIds unverifiedKeyIds = new UnverifiedKeyIds();
    private final Subscription subscription;

    private WorkerRoster(BrokerLink broker) {
        this.broker = broker;
        this.subscription =
                Announcements.on(broker, broker.names().heartbeats(), Duration.ofMinutes(1))
                        .listen(this::receive);
    }

    /** Starts listening; workers show up within one heartbeat interval. */
    public static WorkerRoster listen(Broker broker) {
        return new WorkerRoster(BrokerLink.of(broker));
    }

    /** Listens for {@code wait} (at least a heartbeat interval) and returns the live workers. */
    public static List<WorkerHeartbeat> collect(Broker broker, Duration wait)
            throws InterruptedException {
        try (WorkerRoster roster = listen(broker)) {
            Thread.sleep(wait.toMillis());
            return roster.workers();
        }
    }

    private void receive(Envelope envelope) {
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
