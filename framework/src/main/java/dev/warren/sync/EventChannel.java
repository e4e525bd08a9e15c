package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.WarrenException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed publish/subscribe across processes and hosts: every event published reaches every
 * subscription open at that moment, once. Events are Kryo-encoded (register {@code E} in the {@link
 * dev.warren.WarrenConfig}) and signed with the configuration's keys; a subscriber checks the
 * signature before decoding and drops (logs and counts) anything unsigned, tampered, replayed, or
 * of another type.
 *
 * <p>On the broker: a durable fanout exchange {@code warren.sync.events.<name>}; each subscription
 * binds its own exclusive, auto-delete queue. Handlers run one event at a time per subscription on
 * a Warren thread: keep them short or hand work on.
 *
 * <pre>{@code
 * EventChannel<PriceChanged> prices = EventChannel.named("prices", PriceChanged.class, coordinator);
 * try (EventSubscription s = prices.subscribe(p -> System.out.println(p))) {
 *     prices.publish(new PriceChanged("ACME", 42_00));
 * }
 * }</pre>
 *
 * @param <E> the event type
 */
public final class EventChannel<E> {
    private static final Logger log = LoggerFactory.getLogger(EventChannel.class);
    private static final String KIND = "events";
    private static final int PREFETCH = 200;
    private static final int REMEMBERED_IDS = 10_000;

    private final String name;
    private final String primitive;
    private final Class<E> type;
    private final Coordinator coordinator;
    private final String exchange;
    private final String wireType;
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedByClosed = new AtomicLong();

    private EventChannel(String name, Class<E> type, Coordinator coordinator) {
        this.name = name;
        this.primitive = "event channel '" + name + "'";
        this.type = type;
        this.coordinator = coordinator;
        this.exchange = SyncNames.base(KIND, name);
        // signed, so an event signed for one channel cannot be replayed into another
        this.wireType = "warren.sync.event:" + name;
    }

    /** The channel called {@code name}, carrying events of {@code type}. */
    public static <E> EventChannel<E> named(String name, Class<E> type, Coordinator coordinator) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(coordinator, "coordinator");
        EventChannel<E> channel =
                new EventChannel<>(SyncNames.check("event channel", name), type, coordinator);
        coordinator
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
                                            System.currentTimeMillis()),
                                    event);
        } catch (WarrenException e) {
            throw new CoordinationException(
                    primitive + ": cannot encode the event: " + e.getMessage(), e);
        }
        coordinator
                .publisher()
                .publish(
                        primitive,
                        exchange,
                        "",
                        AmqpMessages.properties(sealed, false),
                        sealed.body());
    }

    /**
     * Subscribes {@code handler}; events published after this returns reach it. Close the returned
     * subscription to stop.
     */
    public EventSubscription subscribe(Consumer<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        Channel channel = coordinator.connection().openChannel(primitive, "subscribe");
        try {
            channel.basicQos(PREFETCH);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "");
            Subscriber subscriber = new Subscriber(channel, handler);
            subscribers.add(subscriber);
            subscriber.consumerTag = channel.basicConsume(queue, false, subscriber);
            return subscriber;
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "subscribe", coordinator.broker(), e);
        }
    }

    /** Messages dropped by all subscriptions made through this object. */
    public long droppedCount() {
        return droppedByClosed.get()
                + subscribers.stream().mapToLong(Subscriber::droppedCount).sum();
    }

    /** Removes the exchange; subscriptions stop receiving. */
    public void delete() {
        coordinator.connection().deleteExchanges(primitive, exchange);
    }

    private final class Subscriber extends DefaultConsumer implements EventSubscription {
        private final Consumer<? super E> handler;
        private final MessageSealer sealer = coordinator.sealer();
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final Map<String, Boolean> recentIds =
                new LinkedHashMap<>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > REMEMBERED_IDS;
                    }
                };
        private volatile String consumerTag;
        private volatile boolean closed;

        Subscriber(Channel channel, Consumer<? super E> handler) {
            super(channel);
            this.handler = handler;
        }

        @Override
        public void handleDelivery(
                String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            try {
                E event = open(properties, body);
                if (event != null) {
                    received.incrementAndGet();
                    try {
                        handler.accept(event);
                    } catch (RuntimeException e) {
                        log.error("{}: the subscriber's handler failed", primitive, e);
                    }
                }
            } finally {
                getChannel().basicAck(delivery.getDeliveryTag(), false);
            }
        }

        private E open(AMQP.BasicProperties properties, byte[] body) {
            dev.warren.internal.wire.Envelope envelope = AmqpMessages.envelope(properties, body);
            Object decoded;
            try {
                decoded = sealer.open(envelope);
            } catch (RejectedMessageException e) {
                return drop(e.reason() + ": " + e.getMessage());
            }
            if (!wireType.equals(envelope.type())) {
                return drop("signed for '" + envelope.type() + "', not for this channel");
            }
            if (!type.isInstance(decoded)) {
                return drop("holds a " + (decoded == null ? "null" : decoded.getClass().getName()));
            }
            // runs on this channel's dispatch thread only: no lock needed
            if (recentIds.put(envelope.messageId(), Boolean.TRUE) != null) {
                return drop("REPLAYED: message " + envelope.messageId() + " was received before");
            }
            return type.cast(decoded);
        }

        private E drop(String why) {
            dropped.incrementAndGet();
            log.warn("{} dropped a message: {}", primitive, why);
            return null;
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
            if (!closed && !sig.isInitiatedByApplication()) {
                log.warn("{}: a subscription ended: {}", primitive, RabbitExceptions.describe(sig));
            }
        }

        @Override
        public long receivedCount() {
            return received.get();
        }

        @Override
        public long droppedCount() {
            return dropped.get();
        }

        @Override
        public boolean isActive() {
            return !closed && getChannel().isOpen();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            subscribers.remove(this);
            droppedByClosed.addAndGet(dropped.get());
            SyncConnection.closeQuietly(getChannel());
        }
    }
}
