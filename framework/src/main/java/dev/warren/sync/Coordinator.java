package dev.warren.sync;

import dev.warren.WarrenConfig;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.wire.MessageSealer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * A process's link to the broker for coordination: one RabbitMQ connection of its own, with a short
 * heartbeat (2 s unless told otherwise), from which every lock, semaphore, event, event channel,
 * shared map and queue is made. Close it last; closing it releases every lease and permit taken
 * through it.
 *
 * <p>When the connection is lost (a broker restart, a forced close, a network cut noticed by the
 * heartbeat), the coordinator connects again by itself, with backoff, for as long as it is open. It
 * never lets the client library recover the old connection behind its back: every lease and permit
 * held at the loss is reported lost ({@link Lease#isValid()} false, {@link Lease#onLost(Runnable)}
 * runs) and is never handed back silently, because the broker may have granted it to someone else
 * meanwhile. What was made from the coordinator works again without being rebuilt: new acquisitions
 * get fencing tokens above every earlier one, shared maps find an owner with their state intact,
 * and subscriptions resume, reporting the window they may have missed. A call made while the
 * connection is down waits for it (up to its own timeout, or 15 s for calls that have none) and
 * then fails with a {@link CoordinationException} saying so. The heartbeat bounds how long a frozen
 * or unreachable holder keeps a lock: about three heartbeats.
 *
 * <pre>{@code
 * try (Coordinator coordinator = Coordinator.connect(config)) {
 *     DistributedLock lock = DistributedLock.named("nightly-report", coordinator);
 *     try (Lease lease = lock.acquire(Duration.ofSeconds(30))) {
 *         lease.onLost(() -> log.warn("lost the lock: stop writing"));
 *         report.writeGuardedBy(lease.fencingToken());
 *     }
 * }
 * }</pre>
 *
 * <p>Inside a task, register one coordinator per worker process as a service ({@code
 * WorkerConfig.custom().service(Coordinator.class, coordinator)}) and find it with {@code
 * ctx.service(Coordinator.class)}.
 *
 * <p>Shared-map messages use Kryo ids 80-86 (below the application range) for their wire records;
 * barrier messages use 89-90.
 */
public final class Coordinator implements AutoCloseable {
    /** The heartbeat asked for by {@link #connect(WarrenConfig)}. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

    /** How long a call without a timeout of its own waits for a lost connection to come back. */
    static final Duration CALL_WAIT = Duration.ofSeconds(15);

    private final WarrenConfig config;
    private final MessageSealer sealer;
    private final CallbackThreads callbacks;
    private final SyncConnection connection;
    private final QueueArguments queueArguments;
    private final HoldChannels holdChannels;
    private final FencingSequencer sequencer;
    private final ConfirmedPublisher publisher;
    private final QueueInspector inspector;
    private final OneTimeInitializer initializer;
    private final Seals seals;
    private final DropLog drops = new DropLog();
    private final BrokerConsumerTimeout consumerTimeout;
    private final Map<String, ReentrantHold> reentrantHolds = new ConcurrentHashMap<>();

    private Coordinator(
            WarrenConfig config,
            MessageSealer sealer,
            CallbackThreads callbacks,
            SyncConnection connection,
            CoordinatorOptions options) {
        this.config = config;
        this.consumerTimeout = BrokerConsumerTimeout.of(options.brokerConsumerTimeout());
        this.sealer = sealer;
        this.callbacks = callbacks;
        this.connection = connection;
        this.queueArguments = new QueueArguments(config.quorumQueues());
        this.holdChannels = new HoldChannels(connection);
        this.sequencer = new FencingSequencer(connection, drops);
        this.publisher = new ConfirmedPublisher(connection, config.publishTimeout());
        this.inspector = new QueueInspector(connection);
        this.initializer =
                new OneTimeInitializer(
                        connection, inspector, config.publishTimeout(), queueArguments);
        this.seals = new Seals(sealer);
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
        return connect(config, CoordinatorOptions.custom().heartbeat(heartbeat).build());
    }

    /**
     * Connects with the given options: the heartbeat, and the broker's {@code consumer_timeout}
     * (locks held longer than half of it are renewed; permits cannot be held longer than it).
     *
     * @throws CoordinationException naming the broker when it cannot connect after {@link
     *     WarrenConfig#connectAttempts()} tries
     */
    public static Coordinator connect(WarrenConfig config, CoordinatorOptions options) {
        Objects.requireNonNull(options, "options");
        long seconds = options.heartbeat().toSeconds();
        MessageSealer sealer = MessageSealer.forConfig(config, SyncWireTypes.all());
        CallbackThreads callbacks = new CallbackThreads();
        // the library's recovery would re-register consumers of leases that were lost meanwhile:
        // SyncConnection makes a new connection instead
        Connections connections =
                Connections.to(
                        config, Connections.Recovery.NONE, (int) seconds, callbacks.executor());
        String broker = config.brokerAddressForHumans();
        try {
            String name = config.connectionName() + "/sync@" + Connections.processIdentity();
            SyncConnection connection =
                    new SyncConnection(
                            connections.open(name),
                            () -> connections.openOnce(name),
                            broker,
                            Reconnector.DEFAULT_BACKOFF,
                            CALL_WAIT,
                            new RecoveryListeners(callbacks::run));
            return new Coordinator(config, sealer, callbacks, connection, options);
        } catch (RuntimeException e) {
            callbacks.shutdownNow();
            throw SyncFailures.translate("coordinator", "connect", broker, e);
        }
    }

    public WarrenConfig config() {
        return config;
    }

    /** The broker's {@code consumer_timeout} as this coordinator was told; empty: none. */
    public Optional<Duration> brokerConsumerTimeout() {
        return consumerTimeout.value();
    }

    /** The heartbeat the broker agreed to (the lower of both sides' wishes). */
    public Duration heartbeat() {
        return connection.heartbeat();
    }

    /**
     * True while connected: false once closed, and while a lost connection is being replaced (every
     * lease and permit held at the loss is lost then).
     */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /** True once {@link #close()} was called; a closed coordinator never connects again. */
    public boolean isClosed() {
        return connection.isClosed();
    }

    /** How many times the coordinator replaced a lost connection since it was made. */
    public long reconnectCount() {
        return connection.reconnects();
    }

    /**
     * Runs {@code callback} (on a Warren thread) each time the coordinator has connected again
     * after a loss, once the primitives made from it can be used again.
     */
    public void onReconnected(Runnable callback) {
        connection.listeners().add(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * Coordination messages that everything made from this coordinator dropped without obeying
     * them: unsigned, tampered, signed with an unknown key or for another primitive, a shared-map
     * log record of a deposed owner or a copy of an older one, an event dated outside the
     * acceptance window or seen before. Each cause is logged once per primitive; this count goes
     * on.
     */
    public long droppedCount() {
        return drops.count();
    }

    /** Closes the connection: every lease and permit taken through it is released. */
    @Override
    public void close() {
        if (connection.isClosed()) {
            return;
        }
        try {
            connection.close();
        } finally {
            callbacks.shutdown();
        }
    }

    /**
     * The unbounded {@link DistributedQueue} called {@code name}, carrying items of {@code type},
     * created on the broker by the first process that asks.
     */
    public <E> DistributedQueue<E> queue(String name, Class<E> type) {
        return queue(name, type, QueueOptions.unbounded());
    }

    /**
     * The {@link DistributedQueue} called {@code name}, made with {@code options} (its bound) by
     * the first process that asks; every process must open it with the same bound.
     *
     * @throws dev.warren.ConfigurationException when it exists with another bound
     */
    public <E> DistributedQueue<E> queue(String name, Class<E> type, QueueOptions options) {
        return DistributedQueue.open(this, name, type, options);
    }

    /**
     * The cyclic barrier called {@code name} for {@code parties} parties, created on the broker by
     * the first process that asks; see {@link DistributedBarrier}.
     *
     * @throws dev.warren.ConfigurationException when it exists for another number of parties
     */
    public DistributedBarrier barrier(String name, int parties) {
        return DistributedBarrier.named(name, parties, this);
    }

    // ---- what the primitives are made of ----

    String broker() {
        return connection.broker();
    }

    MessageSealer sealer() {
        return sealer;
    }

    Seals seals() {
        return seals;
    }

    DropLog drops() {
        return drops;
    }

    /** Runs lost-lease callbacks and user handlers away from the connection's own threads. */
    void runCallback(Runnable callback) {
        callbacks.run(callback);
    }

    SyncConnection connection() {
        return connection;
    }

    QueueArguments queueArguments() {
        return queueArguments;
    }

    HoldChannels holdChannels() {
        return holdChannels;
    }

    FencingSequencer sequencer() {
        return sequencer;
    }

    ConfirmedPublisher publisher() {
        return publisher;
    }

    QueueInspector inspector() {
        return inspector;
    }

    OneTimeInitializer initializer() {
        return initializer;
    }

    BrokerConsumerTimeout consumerTimeout() {
        return consumerTimeout;
    }

    /** Runs {@code task} on the timer thread after {@code delayNanos}; null once closing. */
    ScheduledFuture<?> timers(Runnable task, long delayNanos) {
        return callbacks.schedule(task, delayNanos);
    }

    /** The reentrant locks held through this coordinator, by token queue. */
    Map<String, ReentrantHold> reentrantHolds() {
        return reentrantHolds;
    }
}
