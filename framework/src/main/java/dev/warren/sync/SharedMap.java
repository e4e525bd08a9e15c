package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.WarrenException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A map every process can read and update atomically, kept by the broker alone: the Warren answer
 * to {@code multiprocessing.Manager().dict()}. It survives the restart of any process, including
 * the one that currently owns it.
 *
 * <p>How: every {@code SharedMap} instance is a candidate owner, consuming the single-active-
 * consumer queue {@code warren.sync.map.<name>#requests}; the broker makes exactly one of them
 * active, the owner, and the next one takes over when it dies. The owner applies requests in order
 * and keeps the whole state in the durable one-message queue {@code warren.sync.map.<name>#state};
 * for each change it publishes a new snapshot and waits for the broker's confirm <i>before</i>
 * replying and acking the request. A request whose owner died is redelivered to the next owner,
 * which finds it already applied (per-client sequence numbers in the snapshot) and answers from the
 * snapshot instead of applying it twice.
 *
 * <p>Functions cannot travel to the owner, so {@link #compute} runs its function here and writes
 * with {@link #compareAndSet} (retrying when another process wrote in between): an optimistic loop,
 * right when contention is moderate. All messages are signed; keys and values must be registered in
 * the configuration. The state travels whole with each change: keep the map small (it must fit in
 * {@code maxBodyBytes}).
 *
 * <pre>{@code
 * try (SharedMap<String, Integer> counts = SharedMap.named("counts", String.class, Integer.class, coordinator)) {
 *     counts.put("started", 1);
 *     int done = counts.compute("done", v -> v == null ? 1 : v + 1);
 *     Optional<Integer> started = counts.get("started");
 * }
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class SharedMap<K, V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedMap.class);
    private static final String KIND = "map";
    private static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long CLIENT_EXPIRY_MILLIS = Duration.ofHours(24).toMillis();
    private static final Duration STAND_AGAIN_AFTER = Duration.ofSeconds(1);

    private final String name;
    private final String primitive;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final Coordinator coordinator;
    private final MessageSealer sealer;
    private final String requestQueue;
    private final String stateQueue;
    private final String requestType;
    private final String replyType;
    private final String snapshotType;
    private final String clientId = UUID.randomUUID().toString();
    private final Object requestMonitor = new Object();
    private long seq; // guarded by requestMonitor
    private volatile long pendingSeq;
    private volatile CompletableFuture<MapWire.Reply> pending;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private Channel replyChannel;
    private String replyQueue;
    private volatile Owner owner;
    private volatile boolean closed;

    private SharedMap(String name, Class<K> keyType, Class<V> valueType, Coordinator coordinator) {
        this.name = name;
        this.primitive = "shared map '" + name + "'";
        this.keyType = keyType;
        this.valueType = valueType;
        this.coordinator = coordinator;
        this.sealer = coordinator.sealer();
        String base = SyncNames.base(KIND, name);
        this.requestQueue = SyncNames.part(base, "requests");
        this.stateQueue = SyncNames.part(base, "state");
        this.requestType = "warren.sync.map-request:" + name;
        this.replyType = "warren.sync.map-reply:" + name;
        this.snapshotType = "warren.sync.map-snapshot:" + name;
    }

    /**
     * The map called {@code name}, created empty on the broker if it does not exist. This instance
     * also stands as a candidate owner until {@link #close()}.
     */
    public static <K, V> SharedMap<K, V> named(
            String name, Class<K> keyType, Class<V> valueType, Coordinator coordinator) {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(coordinator, "coordinator");
        SharedMap<K, V> map =
                new SharedMap<>(SyncNames.check(KIND, name), keyType, valueType, coordinator);
        map.open();
        return map;
    }

    private void open() {
        coordinator
                .connection()
                .withChannel(
                        primitive,
                        "declare",
                        ch -> {
                            ch.queueDeclare(
                                    requestQueue,
                                    true,
                                    false,
                                    false,
                                    coordinator.queueArguments().singleActiveConsumer());
                            ch.queueDeclare(
                                    stateQueue,
                                    true,
                                    false,
                                    false,
                                    coordinator.queueArguments().latestMessageOnly());
                            return null;
                        });
        replyChannel = coordinator.connection().openChannel(primitive, "open its reply queue");
        try {
            replyQueue = replyChannel.queueDeclare("", false, true, true, null).getQueue();
            replyChannel.basicConsume(replyQueue, true, new ReplyConsumer(replyChannel));
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(replyChannel);
            throw SyncFailures.translate(
                    primitive, "open its reply queue", coordinator.broker(), e);
        }
        stand();
    }

    public String name() {
        return name;
    }

    /** How long an operation waits for the owner before failing; 30 s unless set. */
    public SharedMap<K, V> timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.timeout = timeout;
        return this;
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(getVersioned(key).value());
    }

    /** The value with its version, for {@link #compareAndSet}. */
    public Versioned<V> getVersioned(K key) {
        MapWire.Reply reply = request(MapWire.GET, checkKey(key), null, 0);
        return new Versioned<>(value(reply.value()), reply.version());
    }

    /** Sets the value; returns the previous one. */
    public Optional<V> put(K key, V value) {
        Objects.requireNonNull(value, "value (use remove to delete)");
        return Optional.ofNullable(
                value(request(MapWire.PUT, checkKey(key), checkValue(value), 0).value()));
    }

    /** Removes the key; returns the value it had. */
    public Optional<V> remove(K key) {
        return Optional.ofNullable(value(request(MapWire.REMOVE, checkKey(key), null, 0).value()));
    }

    /**
     * Writes {@code newValue} (null: removes) only if the key's version is still {@code
     * expectedVersion} (0: only if absent). Returns whether it wrote.
     */
    public boolean compareAndSet(K key, long expectedVersion, V newValue) {
        return request(
                        MapWire.COMPARE_AND_SET,
                        checkKey(key),
                        newValue == null ? null : checkValue(newValue),
                        expectedVersion)
                .ok();
    }

    /**
     * Atomically replaces the value with {@code update(current)} ({@code current} is null when
     * absent; returning null removes) and returns the new value. {@code update} runs in this
     * process, possibly several times if other processes write the key meanwhile: keep it free of
     * side effects.
     */
    public V compute(K key, UnaryOperator<V> update) {
        Objects.requireNonNull(update, "update");
        Versioned<V> current = getVersioned(key);
        while (true) {
            V next = update.apply(current.value());
            MapWire.Reply reply =
                    request(
                            MapWire.COMPARE_AND_SET,
                            checkKey(key),
                            next == null ? null : checkValue(next),
                            current.version());
            if (reply.ok()) {
                return next;
            }
            current = new Versioned<>(value(reply.value()), reply.version());
        }
    }

    /** A copy of every entry. */
    public Map<K, V> snapshot() {
        HashMap<Object, Object> entries = request(MapWire.ENTRIES, null, null, 0).entries();
        Map<K, V> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> copy.put(keyType.cast(k), valueType.cast(v)));
        return copy;
    }

    /** Whether this instance is the owner right now (it has served a request as the owner). */
    public boolean isOwner() {
        Owner current = owner;
        return current != null && current.state != null && current.channel.isOpen();
    }

    /** Stops standing as owner (the next candidate takes over) and closes the reply queue. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Owner current = owner;
        if (current != null) {
            SyncConnection.closeQuietly(current.channel);
        }
        SyncConnection.closeQuietly(replyChannel);
    }

    /** Removes the map and its state from the broker. */
    public void delete() {
        coordinator.connection().deleteQueues(primitive, requestQueue, stateQueue);
    }

    private Object checkKey(K key) {
        Objects.requireNonNull(key, "key");
        return keyType.cast(key);
    }

    private Object checkValue(V value) {
        return valueType.cast(value);
    }

    private V value(Object value) {
        if (value != null && !valueType.isInstance(value)) {
            throw new CoordinationException(
                    primitive
                            + " holds a "
                            + value.getClass().getName()
                            + ", not a "
                            + valueType.getName());
        }
        return valueType.cast(value);
    }

    // ---- client side: one request at a time, resent under the same sequence number ----

    private MapWire.Reply request(int op, Object key, Object value, long expectedVersion) {
        if (closed) {
            throw new CoordinationException(primitive + " is closed");
        }
        synchronized (requestMonitor) {
            long mySeq = ++seq;
            CompletableFuture<MapWire.Reply> reply = new CompletableFuture<>();
            pendingSeq = mySeq;
            pending = reply;
            dev.warren.internal.wire.Envelope sealed;
            try {
                sealed =
                        sealer.seal(
                                new Heading(
                                        clientId + ":" + mySeq,
                                        requestType,
                                        System.currentTimeMillis(),
                                        replyQueue,
                                        1),
                                new MapWire.Request(
                                        clientId, mySeq, op, key, value, expectedVersion));
            } catch (WarrenException e) {
                throw new CoordinationException(
                        primitive + ": cannot encode the request: " + e.getMessage(), e);
            }
            AMQP.BasicProperties properties = AmqpMessages.properties(sealed, true);
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    coordinator
                            .publisher()
                            .publish(primitive, "", requestQueue, properties, sealed.body());
                    long left = deadline - System.nanoTime();
                    try {
                        return reply.get(
                                Math.min(left, RESEND_AFTER.toNanos()), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        if (System.nanoTime() >= deadline) {
                            throw new CoordinationException(
                                    primitive
                                            + ": no owner answered within "
                                            + SyncFailures.humanize(timeout)
                                            + " (is the broker overloaded?)");
                        }
                        coordinator.connection().checkOpen(primitive, "update");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CoordinationException(
                        primitive + ": interrupted while waiting for the owner");
            } catch (ExecutionException e) {
                throw SyncFailures.translate(
                        primitive, "wait for the owner", coordinator.broker(), e.getCause());
            } finally {
                pending = null;
            }
        }
    }

    private final class ReplyConsumer extends DefaultConsumer {
        ReplyConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(
                String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
            Object decoded;
            dev.warren.internal.wire.Envelope envelope = AmqpMessages.envelope(properties, body);
            try {
                decoded = sealer.open(envelope);
            } catch (RejectedMessageException e) {
                log.warn("{}: dropped a reply: {}", primitive, e.getMessage());
                return;
            }
            if (!replyType.equals(envelope.type()) || !(decoded instanceof MapWire.Reply reply)) {
                log.warn("{}: dropped a message that is not one of its replies", primitive);
                return;
            }
            CompletableFuture<MapWire.Reply> waiting = pending;
            if (waiting != null && reply.seq() == pendingSeq) {
                waiting.complete(reply); // late duplicates of older requests fall through
            }
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
            CompletableFuture<MapWire.Reply> waiting = pending;
            if (waiting != null) {
                waiting.completeExceptionally(sig);
            }
        }
    }

    // ---- owner side ----

    private void stand() {
        Channel channel = coordinator.connection().openChannel(primitive, "stand as owner");
        try {
            // snapshots go out on the consuming channel: the broker handles a channel's frames in
            // order, so a dying owner's last snapshot is in the queue before its successor starts
            channel.confirmSelect();
            channel.basicQos(1);
            Owner candidate = new Owner(channel);
            owner = candidate;
            channel.basicConsume(requestQueue, false, candidate);
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "stand as owner", coordinator.broker(), e);
        }
    }

    private final class Owner extends DefaultConsumer {
        final Channel channel;
        volatile MapState state; // loaded on the first request this consumer gets as the owner

        Owner(Channel channel) {
            super(channel);
            this.channel = channel;
        }

        @Override
        public void handleDelivery(
                String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
            try {
                MapWire.Request request = openRequest(properties, body);
                if (request == null) {
                    channel.basicAck(delivery.getDeliveryTag(), false);
                    return;
                }
                if (state == null) {
                    state = load();
                    log.debug(
                            "{}: this process is now the owner (version {})",
                            primitive,
                            state.version());
                }
                long now = System.currentTimeMillis();
                MapState.Outcome outcome = state.apply(request, now);
                if (outcome.changed()) {
                    MapWire.Snapshot snapshot = state.snapshot(now, CLIENT_EXPIRY_MILLIS);
                    dev.warren.internal.wire.Envelope sealed =
                            sealer.seal(
                                    Heading.of("v" + snapshot.version(), snapshotType, now),
                                    snapshot);
                    channel.basicPublish(
                            "", stateQueue, AmqpMessages.properties(sealed, true), sealed.body());
                    channel.waitForConfirmsOrDie(coordinator.config().publishTimeout().toMillis());
                }
                if (properties.getReplyTo() != null) {
                    dev.warren.internal.wire.Envelope sealed =
                            sealer.seal(
                                    Heading.of(
                                            request.clientId() + ":" + request.seq() + ":reply",
                                            replyType,
                                            now),
                                    outcome.reply());
                    channel.basicPublish(
                            "",
                            properties.getReplyTo(),
                            AmqpMessages.properties(sealed, false),
                            sealed.body());
                }
                channel.basicAck(delivery.getDeliveryTag(), false);
            } catch (Exception e) {
                // the durable snapshot may now be behind this state: give up ownership, the next
                // owner (maybe this process again) starts from the snapshot
                log.error(
                        "{}: the owner could not apply a request; handing ownership on",
                        primitive,
                        e);
                state = null;
                SyncConnection.abortQuietly(channel);
            }
        }

        private MapWire.Request openRequest(AMQP.BasicProperties properties, byte[] body) {
            dev.warren.internal.wire.Envelope envelope = AmqpMessages.envelope(properties, body);
            try {
                Object decoded = sealer.open(envelope);
                if (requestType.equals(envelope.type()) && decoded instanceof MapWire.Request r) {
                    return r;
                }
                log.warn("{}: dropped a message that is not a request for it", primitive);
            } catch (RejectedMessageException e) {
                log.warn("{}: dropped a request: {}", primitive, e.getMessage());
            }
            return null;
        }

        private MapState load() throws IOException {
            GetResponse stored = channel.basicGet(stateQueue, false);
            if (stored == null) {
                return MapState.empty();
            }
            try {
                dev.warren.internal.wire.Envelope envelope =
                        AmqpMessages.envelope(stored.getProps(), stored.getBody());
                Object decoded = sealer.open(envelope);
                if (!snapshotType.equals(envelope.type())
                        || !(decoded instanceof MapWire.Snapshot snapshot)) {
                    throw new CoordinationException(
                            primitive
                                    + ": queue "
                                    + stateQueue
                                    + " holds something that is not its snapshot");
                }
                return MapState.of(snapshot);
            } finally {
                // put it back at once: the next change replaces it (the queue keeps one message)
                channel.basicReject(stored.getEnvelope().getDeliveryTag(), true);
            }
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
            state = null;
            if (!closed && coordinator.isOpen()) {
                coordinator.runCallback(
                        () -> {
                            Deadline.pause(STAND_AGAIN_AFTER.toMillis());
                            if (!closed && coordinator.isOpen()) {
                                try {
                                    stand();
                                } catch (CoordinationException e) {
                                    log.warn(
                                            "{}: cannot stand as owner again: {}",
                                            primitive,
                                            e.getMessage());
                                }
                            }
                        });
            }
        }
    }
}
