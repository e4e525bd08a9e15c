package dev.warren.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
 * and keeps the state in a durable log ({@code #log-a} and {@code #log-b}): for each change it
 * appends a signed change record and waits for the broker's confirm <i>before</i> replying and
 * acking the request; a full checkpoint is written only once the changes since the last one
 * outweigh it, so a write costs about its change, not the map's size. A new owner loads the newest
 * checkpoint, replays the changes after it and takes the next epoch; records a deposed owner writes
 * after that never count. A request whose owner died is redelivered to the next owner, which finds
 * it already applied (per-client sequence numbers in the log) and answers it instead of applying it
 * twice. {@link #listen} hands every committed change to listeners in every process.
 *
 * <p>Functions cannot travel to the owner, so {@link #compute} runs its function here and writes
 * with {@link #compareAndSet} (retrying when another process wrote in between): an optimistic loop,
 * right when contention is moderate. All messages are signed; key and value types travel without
 * registration when they are records, enums, sealed or JDK types. A checkpoint holds the whole map:
 * it must fit in {@code maxBodyBytes}.
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
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final MapAddresses map;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final Coordinator coordinator;
    private MapEntries entries;
    private MapClient client;
    private OwnerCandidacy candidacy;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile boolean closed;

    private SharedMap(
            MapAddresses map, Class<K> keyType, Class<V> valueType, Coordinator coordinator) {
        this.map = map;
        this.keyType = keyType;
        this.valueType = valueType;
        this.coordinator = coordinator;
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
        coordinator.sealer().admitValue(keyType);
        coordinator.sealer().admitValue(valueType);
        SharedMap<K, V> map =
                new SharedMap<>(
                        MapAddresses.of(coordinator.config().namespace(), name),
                        keyType,
                        valueType,
                        coordinator);
        map.open();
        return map;
    }

    private void open() {
        QueueArguments arguments = coordinator.queueArguments();
        coordinator
                .connection()
                .withChannel(
                        map.primitive(),
                        "declare",
                        ch -> {
                            ch.queueDeclare(
                                    map.requestQueue(),
                                    true,
                                    false,
                                    false,
                                    arguments.singleActiveConsumer());
                            for (String log : map.logQueues()) {
                                ch.queueDeclare(log, true, false, false, arguments.plain());
                            }
                            return null;
                        });
        warnOfEarlierState();
        MapMessages messages = new MapMessages(coordinator.sealer(), map, coordinator.drops());
        entries = new MapEntries(map, coordinator);
        client = new MapClient(coordinator, map, messages);
        candidacy = OwnerCandidacy.stand(coordinator, map, messages, entries);
    }

    private void warnOfEarlierState() {
        for (String earlier : map.earlierStateQueues()) {
            if (coordinator.inspector().readyMessages(earlier, map.primitive()) >= 0) {
                log.warn(
                        "{}: queue {} holds the state an earlier Warren version kept, which this"
                                + " version does not read; the map goes on from its log in {}."
                                + " Delete {} once nothing older uses the map",
                        map.primitive(),
                        earlier,
                        map.logQueues(),
                        earlier);
            }
        }
    }

    public String name() {
        return map.name();
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
        return candidacy.isOwner();
    }

    /** Stops standing as owner (the next candidate takes over) and closes the reply queue. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        candidacy.close();
        client.close();
    }

    /** Removes the map and its state from the broker. */
    public void delete() {
        SyncConnection connection = coordinator.connection();
        connection.deleteQueues(map.primitive(), map.requestQueue());
        connection.deleteQueues(map.primitive(), map.logQueues().toArray(String[]::new));
        connection.deleteQueues(map.primitive(), map.earlierStateQueues().toArray(String[]::new));
        entries.delete();
    }

    /**
     * Calls {@code listener} with every change committed from now on, by any process, in commit
     * order, until the returned subscription is closed. After a lost connection it resumes by
     * itself and reports the time it was away as a {@link SubscriptionGap} ({@link
     * EventChannel.Subscription#onGap}); changes made meanwhile do not reach it. The listener runs
     * on a Warren thread, one event at a time: keep it short.
     */
    @SuppressWarnings("unchecked")
    public EventChannel.Subscription listen(Consumer<? super EntryEvent<K, V>> listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new CoordinationException(map.primitive() + " is closed: listen on an open map");
        }
        return entries.<K, V>listen(
                event -> {
                    checkKey((K) event.key());
                    value(event.oldValue());
                    value(event.newValue());
                    listener.accept(event);
                });
    }

    private MapWire.Reply request(int op, Object key, Object value, long expectedVersion) {
        if (closed) {
            throw new CoordinationException(map.primitive() + " is closed");
        }
        return client.request(op, key, value, expectedVersion, timeout);
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
                    map.primitive()
                            + " holds a "
                            + value.getClass().getName()
                            + ", not a "
                            + valueType.getName());
        }
        return valueType.cast(value);
    }
}
