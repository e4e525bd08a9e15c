package dev.warren.sync;

import com.rabbitmq.client.BuiltinExchangeType;
import dev.warren.WarrenException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Heading;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Typed publish/subscribe across processes and hosts: every event published reaches every
 * subscription open at that moment, once. Events are Kryo-encoded ({@code E} and the types it
 * reaches travel without registration when {@code E} is a record, an enum, a sealed or a JDK type)
 * and signed with the configuration's keys; a subscriber checks the signature before decoding and
 * drops (counts, and logs once per cause) anything unsigned, tampered, of another type, seen
 * before, or dated before the subscription began or outside {@code maxMessageAge} and {@code
 * maxClockSkew}.
 *
 * <p>On the broker: a durable fanout exchange {@code warren.sync.events.<name>}; each subscription
 * binds its own exclusive, auto-delete queue. Handlers run one event at a time per subscription on
 * a Warren thread: keep them short or hand work on.
 *
 * <pre>{@code
 * EventChannel<PriceChanged> prices = EventChannel.named("prices", PriceChanged.class, coordinator);
 * try (EventChannel.Subscription s = prices.subscribe(p -> System.out.println(p))) {
 *     prices.publish(new PriceChanged("ACME", 42_00));
 * }
 * }</pre>
 *
 * @param <E> the event type
 */
public final class EventChannel<E> {
    private static final String KIND = "events";

    private final String name;
    private final String primitive;
    private final Class<E> type;
    private final Coordinator coordinator;
    private final String exchange;
    private final String wireType;
    private final CopyOnWriteArrayList<EventSubscription<E>> subscribers =
            new CopyOnWriteArrayList<>();
    private final AtomicLong droppedByClosed = new AtomicLong();

    private EventChannel(String name, Class<E> type, Coordinator coordinator) {
        this(
                name,
                "event channel '" + name + "'",
                SyncNames.base(coordinator.config().namespace(), KIND, name),
                // signed, so an event signed for one channel cannot be replayed into another
                "warren.sync.event:" + name,
                type,
                coordinator);
    }

    private EventChannel(
            String name,
            String primitive,
            String exchange,
            String wireType,
            Class<E> type,
            Coordinator coordinator) {
        this.name = name;
        this.primitive = primitive;
        this.type = type;
        this.coordinator = coordinator;
        this.exchange = exchange;
        this.wireType = wireType;
    }

    /** The channel called {@code name}, carrying events of {@code type}. */
    public static <E> EventChannel<E> named(String name, Class<E> type, Coordinator coordinator) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(coordinator, "coordinator");
        coordinator.sealer().admitValue(type);
        return declared(
                new EventChannel<>(SyncNames.check("event channel", name), type, coordinator));
    }

    /**
     * A channel that is part of another primitive, which names its exchange and what its events are
     * signed as.
     */
    static <E> EventChannel<E> partOf(
            String primitive,
            String exchange,
            String wireType,
            Class<E> type,
            Coordinator coordinator) {
        coordinator.sealer().admitValue(type);
        return declared(
                new EventChannel<>(exchange, primitive, exchange, wireType, type, coordinator));
    }

    private static <E> EventChannel<E> declared(EventChannel<E> channel) {
        channel.coordinator
                .connection()
                .withChannel(
                        channel.primitive,
                        "declare",
                        ch ->
                                ch.exchangeDeclare(
                                        channel.exchange, BuiltinExchangeType.FANOUT, true));
        return channel;
    }

    public String name() {
        return name;
    }

    /**
     * Signs and publishes {@code event}, returning once the broker accepted it. Subscriptions
     * opened before this call receive it.
     */
    public void publish(E event) {
        dev.warren.internal.wire.Envelope sealed = seal(event);
        coordinator
                .publisher()
                .publish(
                        primitive,
                        exchange,
                        "",
                        AmqpMessages.properties(sealed, false),
                        sealed.body());
    }

    /** The event, signed for this channel, as {@link #publish} sends it. */
    dev.warren.internal.wire.Envelope seal(E event) {
        Objects.requireNonNull(event, "event");
        if (!type.isInstance(event)) {
            throw new IllegalArgumentException(
                    primitive
                            + " carries "
                            + type.getName()
                            + ", not "
                            + event.getClass().getName());
        }
        dev.warren.internal.wire.Envelope sealed;
        try {
            sealed =
                    coordinator
                            .sealer()
                            .seal(
                                    Heading.of(
                                            UUID.randomUUID().toString(),
                                            wireType,
                                            System.currentTimeMillis(),
                                            binding()),
                                    event);
        } catch (WarrenException e) {
            throw new CoordinationException(
                    primitive + ": cannot encode the event: " + e.getMessage(), e);
        }
        return sealed;
    }

    /** The fanout exchange the events go to. */
    String exchange() {
        return exchange;
    }

    /** What this channel's events are signed for: its exchange, and its wire type there. */
    private Binding binding() {
        return Binding.of(exchange, wireType);
    }

    /**
     * Subscribes {@code handler}; events published after this returns reach it. Close the returned
     * subscription to stop.
     */
    public Subscription subscribe(Consumer<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        EventSubscription<E> subscriber =
                EventSubscription.start(
                        coordinator,
                        primitive,
                        exchange,
                        new EventAdmission<>(
                                coordinator.sealer(),
                                binding(),
                                type,
                                System.currentTimeMillis(),
                                coordinator.config().maxMessageAge(),
                                coordinator.config().maxClockSkew()),
                        handler,
                        this::forget);
        subscribers.add(subscriber);
        return subscriber;
    }

    private void forget(EventSubscription<E> closed) {
        subscribers.remove(closed);
        droppedByClosed.addAndGet(closed.droppedCount());
    }

    /** Messages dropped by all subscriptions made through this object. */
    public long droppedCount() {
        return droppedByClosed.get()
                + subscribers.stream().mapToLong(EventSubscription::droppedCount).sum();
    }

    /** Removes the exchange; subscriptions stop receiving. */
    public void delete() {
        coordinator.connection().deleteExchanges(primitive, exchange);
    }

    /**
     * A running subscription to an {@link EventChannel}: its own exclusive queue, deleted when the
     * subscription closes or its process dies. Events published while it is open reach it once
     * each. When the coordinator's connection is lost, the queue goes with it; the subscription
     * resumes by itself on the next connection and reports the time in between as a {@link
     * SubscriptionGap}.
     *
     * <pre>{@code
     * try (EventChannel.Subscription s = prices.subscribe(p -> cache.update(p))) {
     *     ...
     *     log.info("{} events, {} dropped", s.receivedCount(), s.droppedCount());
     * }
     * }</pre>
     */
    public interface Subscription extends AutoCloseable {
        /** Events handed to the handler so far. */
        long receivedCount();

        /**
         * Messages refused so far: unsigned, tampered, of the wrong type, seen before, or dated
         * before the subscription or outside the acceptance window.
         */
        long droppedCount();

        /**
         * How many times it lost its queue and resumed: each is a {@link SubscriptionGap} in which
         * events may have been missed.
         */
        long gapCount();

        /**
         * Runs {@code callback} (on a Warren thread) each time the subscription resumed after a
         * loss, with the gap in which events did not reach it.
         */
        void onGap(Consumer<SubscriptionGap> callback);

        /** False once closed, and while it waits for the coordinator to connect again. */
        boolean isActive();

        /** Stops the subscription and deletes its queue. */
        @Override
        void close();
    }
}
