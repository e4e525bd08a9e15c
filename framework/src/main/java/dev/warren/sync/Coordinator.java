package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import dev.warren.ConfigurationException;
import dev.warren.WarrenConfig;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.wire.MessageSealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's link to the broker for coordination: one RabbitMQ connection of its own, with
 * automatic recovery <b>off</b> and a short heartbeat (2 s unless told otherwise), from which every
 * lock, semaphore, event, event channel and shared map is made. Close it last; closing it releases
 * every lease and permit taken through it.
 *
 * <p>Why not the task {@code Broker}: its connections recover automatically, re-registering
 * consumers, so after a network blip a process could believe it still holds a lock that the broker
 * gave to someone else in between. Here a lost connection means "every lease and permit is lost":
 * leases say so ({@link Lease#isValid()}, {@link Lease#onLost(Runnable)}), and later calls fail
 * with a {@link CoordinationException}; connect a new coordinator to go on. The heartbeat bounds
 * how long a frozen or unreachable holder keeps a lock: about three heartbeats.
 *
 * <pre>{@code
 * try (Coordinator coordinator = Coordinator.connect(config)) {
 *     DistributedLock lock = DistributedLock.named("nightly-report", coordinator);
 *     try (Lease lease = lock.acquire(Duration.ofSeconds(30))) {
 *         report.writeGuardedBy(lease.fencingToken());
 *     }
 * }
 * }</pre>
 *
 * <p>Inside a task, register one coordinator per worker process as a service ({@code
 * WorkerConfig.custom().service(Coordinator.class, coordinator)}) and find it with {@code
 * ctx.service(Coordinator.class)}.
 *
 * <p>Shared-map messages use Kryo ids 80-83 (below the application range) for their wire records.
 */
public final class Coordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

    /** The heartbeat asked for by {@link #connect(WarrenConfig)}. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

    static final int KRYO_MAP_REQUEST = 80;
    static final int KRYO_MAP_REPLY = 81;
    static final int KRYO_MAP_SNAPSHOT = 82;
    static final int KRYO_MAP_CLIENT = 83;

    private static final int IDLE_HOLD_CHANNELS = 8;
    private static final Duration COUNTER_RETURN_WAIT = Duration.ofSeconds(5);
    private static final Duration INIT_WAIT = Duration.ofSeconds(30);

    private final WarrenConfig config;
    private final String broker;
    private final Connection connection;
    private final ExecutorService executor;
    private final MessageSealer sealer;
    private final ArrayDeque<Channel> idleHoldChannels = new ArrayDeque<>(); // guarded by itself
    private final Object sequencerMonitor = new Object();
    private Channel sequencer; // guarded by sequencerMonitor; transactional
    private final Object confirmMonitor = new Object();
    private Channel confirming; // guarded by confirmMonitor; confirm mode
    private final Object inspectMonitor = new Object();
    private Channel inspecting; // guarded by inspectMonitor
    private final Object initMonitor = new Object();
    private volatile boolean closed;

    private Coordinator(
            WarrenConfig config, Connection connection, ExecutorService executor, MessageSealer s) {
        this.config = config;
        this.broker = config.brokerAddressForHumans();
        this.connection = connection;
        this.executor = executor;
        this.sealer = s;
    }

    /** Connects with a {@link #DEFAULT_HEARTBEAT 2 s} heartbeat. */
    public static Coordinator connect(WarrenConfig config) {
        return connect(config, DEFAULT_HEARTBEAT);
    }

    /**
     * Connects with the given heartbeat (whole seconds, 1-60; 2-5 s is the sensible range). A
     * silently dead holder is noticed after about three heartbeats; a killed process at once.
     *
     * @throws CoordinationException naming the broker when it cannot connect after {@link
     *     WarrenConfig#connectAttempts()} tries
     */
    public static Coordinator connect(WarrenConfig config, Duration heartbeat) {
        long seconds = heartbeat.toSeconds();
        if (seconds < 1 || seconds > 60) {
            throw new ConfigurationException(
                    "coordinator heartbeat must be 1-60 s (2-5 s recommended), was " + heartbeat);
        }
        MessageSealer sealer = MessageSealer.forConfig(config, wireTypes());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "warren-sync-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        // no recovery: a recovered connection would re-register consumers of leases that were
        // lost meanwhile; user callbacks run on the executor so they cannot starve lock deliveries
        Connections connections =
                Connections.to(config, Connections.Recovery.NONE, (int) seconds, executor);
        String name = config.connectionName() + "/sync@" + Connections.processIdentity();
        try {
            return new Coordinator(config, connections.open(name), executor, sealer);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw SyncFailures.translate(
                    "coordinator", "connect", config.brokerAddressForHumans(), e);
        }
    }

    /** The shared-map wire records, with ids in Warren's own range. */
    static Map<Class<?>, Integer> wireTypes() {
        Map<Class<?>, Integer> types = new LinkedHashMap<>();
        types.put(MapWire.Request.class, KRYO_MAP_REQUEST);
        types.put(MapWire.Reply.class, KRYO_MAP_REPLY);
        types.put(MapWire.Snapshot.class, KRYO_MAP_SNAPSHOT);
        types.put(MapWire.Client.class, KRYO_MAP_CLIENT);
        return types;
    }

    public WarrenConfig config() {
        return config;
    }

    /** The heartbeat the broker agreed to (the lower of both sides' wishes). */
    public Duration heartbeat() {
        return Duration.ofSeconds(connection.getHeartbeat());
    }

    /** False once closed or once the connection was lost; then every lease is lost too. */
    public boolean isOpen() {
        return !closed && connection.isOpen();
    }

    /** Closes the connection: every lease and permit taken through it is released. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (connection.isOpen()) {
                connection.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing coordinator connection: {}", e.toString());
        } finally {
            executor.shutdown();
        }
    }

    // ---- used by the primitives ----

    String broker() {
        return broker;
    }

    MessageSealer sealer() {
        return sealer;
    }

    /** Runs lost-lease callbacks and user handlers away from the connection's own threads. */
    void runCallback(Runnable callback) {
        try {
            executor.execute(callback);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            callback.run(); // closing: run it here rather than never
        }
    }

    interface ChannelWork<T> {
        T run(Channel channel)
                throws IOException, InterruptedException, java.util.concurrent.TimeoutException;
    }

    /** Queue arguments: quorum when the configuration asks for it; never a delivery limit. */
    Map<String, Object> queueArguments(boolean singleActiveConsumer) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", config.quorumQueues() ? "quorum" : "classic");
        if (singleActiveConsumer) {
            args.put("x-single-active-consumer", true);
        }
        return args;
    }

    Channel openChannel(String primitive, String action) {
        checkOpen(primitive, action);
        try {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new CoordinationException(
                        primitive + ": cannot " + action + ": no channel left on the connection");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            throw SyncFailures.translate(primitive, action, broker, e);
        }
    }

    void checkOpen(String primitive, String action) {
        if (closed) {
            throw new CoordinationException(
                    primitive + ": cannot " + action + ": the coordinator is closed");
        }
        if (!connection.isOpen()) {
            throw new CoordinationException(
                    primitive
                            + ": cannot "
                            + action
                            + ": the coordinator's connection to "
                            + broker
                            + " was lost ("
                            + connection.getCloseReason()
                            + "); leases and permits taken through it are gone: connect a new"
                            + " Coordinator");
        }
    }

    /** A short-lived channel: a refused operation closes its channel and must not close others. */
    <T> T withChannel(String primitive, String action, ChannelWork<T> work) {
        Channel channel = openChannel(primitive, action);
        try {
            return work.run(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while trying to " + action);
        } catch (Exception e) {
            throw SyncFailures.translate(primitive, action, broker, e);
        } finally {
            closeQuietly(channel);
        }
    }

    /** A channel with prefetch 1 for holding one token; reused after a release. */
    Channel borrowHoldChannel(String primitive) {
        synchronized (idleHoldChannels) {
            while (!idleHoldChannels.isEmpty()) {
                Channel channel = idleHoldChannels.pop();
                if (channel.isOpen()) {
                    return channel;
                }
            }
        }
        Channel channel = openChannel(primitive, "open a channel");
        try {
            channel.basicQos(1);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw SyncFailures.translate(primitive, "set the prefetch", broker, e);
        }
    }

    void returnHoldChannel(Channel channel) {
        synchronized (idleHoldChannels) {
            if (channel.isOpen() && !closed && idleHoldChannels.size() < IDLE_HOLD_CHANNELS) {
                idleHoldChannels.push(channel);
                return;
            }
        }
        closeQuietly(channel);
    }

    /**
     * The next fencing token from a sequencer queue holding one counter message: take the counter
     * c, then in one transaction ack it and publish c+1; c+1 is the token, usable only after the
     * commit. A holder that dies before the commit gives c back, so no token repeats.
     */
    long nextFencingToken(String sequencerQueue, String primitive) {
        long deadline = System.nanoTime() + COUNTER_RETURN_WAIT.toNanos();
        synchronized (sequencerMonitor) {
            while (true) {
                Channel channel = sequencerChannel(primitive);
                try {
                    GetResponse counter = channel.basicGet(sequencerQueue, false);
                    if (counter != null) {
                        long current = parseCounter(counter.getBody(), sequencerQueue, primitive);
                        long next = current + 1;
                        channel.basicAck(counter.getEnvelope().getDeliveryTag(), false);
                        channel.basicPublish(
                                "",
                                sequencerQueue,
                                MessageProperties.PERSISTENT_BASIC,
                                Long.toString(next).getBytes(StandardCharsets.US_ASCII));
                        channel.txCommit();
                        return next;
                    }
                } catch (IOException | RuntimeException e) {
                    // the ack may be pending in an open transaction: only closing the channel
                    // gives the counter back
                    abortQuietly(channel);
                    sequencer = null;
                    throw SyncFailures.translate(primitive, "take a fencing token", broker, e);
                }
                // after a holder crash the lock can come back a moment before the counter
                if (System.nanoTime() > deadline) {
                    throw new CoordinationException(
                            primitive
                                    + ": the fencing counter in queue "
                                    + sequencerQueue
                                    + " did not come back within "
                                    + COUNTER_RETURN_WAIT.toSeconds()
                                    + " s (deleted, or taken by a holder that is frozen?)");
                }
                sleep(2);
            }
        }
    }

    static long parseCounter(byte[] body, String queue, String primitive) {
        String text = new String(body, StandardCharsets.US_ASCII).strip();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CoordinationException(
                    primitive
                            + ": queue "
                            + queue
                            + " holds '"
                            + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                            + "' where a fencing counter (a number) belongs");
        }
    }

    private Channel sequencerChannel(String primitive) {
        if (sequencer == null || !sequencer.isOpen()) {
            Channel channel = openChannel(primitive, "open the sequencer channel");
            try {
                channel.txSelect();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw SyncFailures.translate(primitive, "start a transaction", broker, e);
            }
            sequencer = channel;
        }
        return sequencer;
    }

    /** Publishes and waits for the broker's confirm (the message is then on disk). */
    void publishConfirmed(
            String primitive,
            String exchange,
            String routingKey,
            AMQP.BasicProperties properties,
            byte[] body) {
        synchronized (confirmMonitor) {
            try {
                if (confirming == null || !confirming.isOpen()) {
                    confirming = openChannel(primitive, "open a publishing channel");
                    confirming.confirmSelect();
                }
                confirming.basicPublish(exchange, routingKey, properties, body);
                confirming.waitForConfirmsOrDie(config.publishTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abortQuietly(confirming);
                confirming = null;
                throw new CoordinationException(primitive + ": interrupted while publishing");
            } catch (Exception e) {
                abortQuietly(confirming);
                confirming = null;
                throw SyncFailures.translate(
                        primitive,
                        "publish to " + (exchange.isEmpty() ? routingKey : exchange),
                        broker,
                        e);
            }
        }
    }

    /** Ready messages and consumers of a queue, from a passive declare (about 0.1 ms). */
    record QueueCounts(long ready, long consumers) {}

    /** Ready messages in a queue, or -1 if it does not exist. */
    long readyMessages(String queue, String primitive) {
        QueueCounts counts = inspect(queue, primitive);
        return counts == null ? -1 : counts.ready();
    }

    /** The queue's counts, or null if it does not exist. */
    QueueCounts inspect(String queue, String primitive) {
        synchronized (inspectMonitor) {
            if (inspecting == null || !inspecting.isOpen()) {
                inspecting = openChannel(primitive, "open an inspection channel");
            }
            try {
                AMQP.Queue.DeclareOk ok = inspecting.queueDeclarePassive(queue);
                return new QueueCounts(ok.getMessageCount(), ok.getConsumerCount());
            } catch (IOException | RuntimeException e) {
                if (SyncFailures.replyCode(e) == AMQP.NOT_FOUND) {
                    inspecting = null;
                    return null;
                }
                abortQuietly(inspecting);
                inspecting = null;
                throw SyncFailures.translate(primitive, "inspect queue " + queue, broker, e);
            }
        }
    }

    /**
     * Initialises a primitive exactly once across all processes: under a mutex (an exclusive queue,
     * which only one connection can hold and which the broker deletes when its holder dies), unless
     * the durable ready marker exists, run {@code init} (which must start from a clean slate: a
     * crashed earlier initialiser may have left half its work), then declare the marker.
     */
    void ensureInitialized(String base, String primitive, ChannelWork<Void> init) {
        String marker = SyncNames.readyMarker(base);
        if (readyMessages(marker, primitive) >= 0) {
            return;
        }
        synchronized (initMonitor) { // an exclusive queue does not exclude its own connection
            Channel mutex = takeInitMutex(base, primitive);
            try {
                if (readyMessages(marker, primitive) >= 0) {
                    return;
                }
                withChannel(
                        primitive,
                        "initialise",
                        channel -> {
                            channel.confirmSelect();
                            init.run(channel);
                            channel.waitForConfirmsOrDie(config.publishTimeout().toMillis());
                            channel.queueDeclare(marker, true, false, false, null);
                            return null;
                        });
            } finally {
                try {
                    mutex.queueDelete(SyncNames.initMutex(base));
                } catch (IOException | RuntimeException e) {
                    log.debug("deleting init mutex of {}: {}", primitive, e.toString());
                }
                closeQuietly(mutex);
            }
        }
    }

    private Channel takeInitMutex(String base, String primitive) {
        long deadline = System.nanoTime() + INIT_WAIT.toNanos();
        while (true) {
            Channel channel = openChannel(primitive, "initialise");
            try {
                channel.queueDeclare(SyncNames.initMutex(base), false, true, false, null);
                return channel;
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                if (SyncFailures.replyCode(e) != AMQP.RESOURCE_LOCKED) {
                    throw SyncFailures.translate(primitive, "initialise", broker, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CoordinationException(
                        primitive
                                + ": another process has been initialising it for more than "
                                + INIT_WAIT.toSeconds()
                                + " s");
            }
            sleep(10);
        }
    }

    /** Deletes queues and exchanges; missing ones are fine. */
    void delete(String primitive, String[] queues, String[] exchanges) {
        for (String queue : queues) {
            withChannel(primitive, "delete queue " + queue, ch -> ch.queueDelete(queue));
        }
        for (String exchange : exchanges) {
            withChannel(
                    primitive, "delete exchange " + exchange, ch -> ch.exchangeDelete(exchange));
        }
    }

    static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            abortQuietly(channel);
        }
    }

    static void abortQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.abort();
        } catch (IOException | RuntimeException e) {
            // already gone: nothing else to release
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException("interrupted");
        }
    }
}
