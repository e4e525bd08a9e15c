package dev.warren.worker;

import dev.warren.WarrenException;
import dev.warren.internal.transport.Announcements;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link WorkerHeartbeat} every {@code heartbeatInterval} on the namespace's heartbeat
 * exchange, signed with the worker's key, and a last one saying "stopping" when the worker closes.
 * A beat that cannot be sent (connection down) is skipped: the next one says it all again. The
 * beats are also kept for a few minutes in the stream {@code warren.heartbeats.recent} (in the
 * namespace), so {@code status} and the dashboard see every live worker at once.
 */
final class HeartbeatPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);
    private static final Duration KEPT_FOR_READERS = Duration.ofMinutes(5);

    private final BrokerLink broker;
    private final WorkerConfig config;
    private final Supplier<Worker.Stats> stats;
    private final IntSupplier unacked;
    private final Supplier<Map<String, QueueActivity>> activity;
    private final Announcements announcements;
    private final ScheduledExecutorService timer;
    private final String workerId = UUID.randomUUID().toString().substring(0, 8);
    private final String host = hostName();
    private final long pid = ManagementFactory.getRuntimeMXBean().getPid();
    private final long startedAt = System.currentTimeMillis();
    private volatile boolean failing;

    private HeartbeatPublisher(
            BrokerLink broker,
            WorkerConfig config,
            Supplier<Worker.Stats> stats,
            IntSupplier unacked,
            Supplier<Map<String, QueueActivity>> activity) {
        this.broker = broker;
        this.activity = activity;
        this.config = config;
        this.stats = stats;
        this.unacked = unacked;
        Duration interval = config.heartbeatInterval();
        this.announcements =
                Announcements.on(broker, broker.names().heartbeats(), interval.multipliedBy(3));
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "warren-heartbeat-" + workerId);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts beating now; returns null when the interval is zero (heartbeats off). */
    static HeartbeatPublisher start(
            BrokerLink broker,
            WorkerConfig config,
            Supplier<Worker.Stats> stats,
            IntSupplier unacked,
            Supplier<Map<String, QueueActivity>> activity) {
        if (config.heartbeatInterval().isZero()) {
            return null;
        }
        HeartbeatPublisher publisher =
                new HeartbeatPublisher(broker, config, stats, unacked, activity);
        publisher.announcements.keepRecent(KEPT_FOR_READERS);
        long every = config.heartbeatInterval().toMillis();
        publisher.timer.scheduleAtFixedRate(
                () -> publisher.beat(WorkerHeartbeat.RUNNING), 0, every, TimeUnit.MILLISECONDS);
        return publisher;
    }

    WorkerHeartbeat current(String state) {
        Worker.Stats s = stats.get();
        String version = Worker.class.getPackage().getImplementationVersion();
        return new WorkerHeartbeat(
                workerId,
                host,
                pid,
                config.queues(),
                config.concurrency(),
                s.succeeded(),
                s.failed(),
                s.retried(),
                s.rejected(),
                s.inFlight(),
                unacked.getAsInt(),
                startedAt,
                System.currentTimeMillis(),
                config.heartbeatInterval(),
                version == null ? "development" : version,
                state,
                activity.get());
    }

    private void beat(String state) {
        try {
            WorkerHeartbeat beat = current(state);
            Envelope envelope =
                    broker.sealer()
                            .seal(
                                    Heading.of(
                                            UUID.randomUUID().toString(),
                                            WorkerHeartbeat.TYPE,
                                            beat.sentAt(),
                                            Binding.of(
                                                    broker.names().heartbeats(),
                                                    WorkerHeartbeat.TYPE)),
                                    beat.toMap());
            announcements.publish(envelope);
            if (failing) {
                failing = false;
                log.info("worker {} heartbeats are sent again", workerId);
            }
        } catch (WarrenException e) {
            if (!failing) {
                failing = true;
                log.warn("worker {} could not send a heartbeat: {}", workerId, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("worker {} heartbeat failed", workerId, e);
        }
    }

    /** Stops beating after one last beat saying "stopping". */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        beat(WorkerHeartbeat.STOPPING);
        announcements.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
