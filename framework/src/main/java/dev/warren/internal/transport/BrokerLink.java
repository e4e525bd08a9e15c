package dev.warren.internal.transport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.Broker;
import dev.warren.BrokerUnavailableException;
import dev.warren.PublishFailedException;
import dev.warren.WarrenConfig;
import dev.warren.internal.codec.TaskTypes;
import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Broker} holds: a process's link to RabbitMQ, with one connection for publishing and
 * one for consuming (as RabbitMQ recommends), both recovering automatically, the sealer built from
 * the configuration and the task protocol on it. The client, the worker and the operator tools
 * reach it from the public handle.
 *
 * <pre>{@code
 * BrokerLink link = BrokerLink.of(broker);
 * link.publish(link.names().workQueue("primes"), link.protocol().task(submission), true);
 * }</pre>
 */
public final class BrokerLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerLink.class);
    private static volatile Function<Broker, BrokerLink> access;

    private final WarrenConfig config;
    private final String address;
    private final Connection publishing;
    private final Connection consuming;
    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final TaskTypes types;
    private final MessageSealer sealer;
    private final TaskProtocol protocol;
    private final NoticeProtocol notices;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private BrokerLink(
            WarrenConfig config,
            TaskTypes types,
            MessageSealer sealer,
            Connection publishing,
            Connection consuming)
            throws IOException {
        this.config = config;
        this.types = types;
        this.address = config.brokerAddressForHumans();
        this.sealer = sealer;
        this.protocol = new TaskProtocol(sealer, Clock.systemUTC());
        this.notices = new NoticeProtocol(sealer, Clock.systemUTC());
        this.publishing = publishing;
        this.consuming = consuming;
        this.publisher =
                new ConfirmingPublisher(
                        publishing, address, config.publishWindow(), config.publishTimeout());
        this.topology =
                new Topology(
                        publishing,
                        BrokerNames.of(config.namespace()),
                        address,
                        config.quorumQueues(),
                        config.quorumDeliveryLimit(),
                        config.replyQueueExpiry());
    }

    /**
     * Connects, retrying with exponential backoff up to {@link WarrenConfig#connectAttempts()}
     * times.
     *
     * @throws BrokerUnavailableException naming the broker and the cause when it cannot connect
     */
    public static BrokerLink connect(WarrenConfig config) {
        TaskTypes types = TaskTypes.forConfig(config, TaskProtocol.WIRE_TYPES);
        MessageSealer sealer =
                new MessageSealer(
                        types.codec(), HmacSigner.of(config.signingKeys()), config.maxBodyBytes());
        Connections connections =
                Connections.to(
                        config,
                        Connections.Recovery.AUTOMATIC,
                        (int) Math.max(1, config.heartbeat().toSeconds()),
                        null);
        String name = config.connectionName() + "@" + Connections.processIdentity();
        Connection publishing = connections.open(name + "/publish");
        try {
            Connection consuming = connections.open(name + "/consume");
            return new BrokerLink(config, types, sealer, publishing, consuming);
        } catch (IOException | RuntimeException e) {
            try {
                publishing.abort();
            } catch (RuntimeException ignored) {
                // already failing: the first error is the one to report
            }
            throw RabbitExceptions.translate("connect", config.brokerAddressForHumans(), e);
        }
    }

    /** Called once by {@link Broker}, which keeps its link out of its public signature. */
    public static void grantAccess(Function<Broker, BrokerLink> linkOfBroker) {
        if (access != null) {
            throw new IllegalStateException("access to broker links was granted already");
        }
        access = linkOfBroker;
    }

    /** The link inside a public {@link Broker}: how the client, worker and ops reach the wire. */
    public static BrokerLink of(Broker broker) {
        return access.apply(java.util.Objects.requireNonNull(broker, "broker"));
    }

    public WarrenConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    /** The broker names of this link's namespace. */
    public BrokerNames names() {
        return topology.names();
    }

    /**
     * For operations beside the task flow (announcements, dead-letter handling) in this package.
     */
    Connection publishingConnection() {
        return publishing;
    }

    Connection consumingConnection() {
        return consuming;
    }

    /** The task classes this process knows, and the codec registering them. */
    public TaskTypes types() {
        return types;
    }

    public MessageSealer sealer() {
        return sealer;
    }

    /** The task path's messages, sealed with this link's keys and the system clock. */
    public TaskProtocol protocol() {
        return protocol;
    }

    /** Refusal notices, sealed with this link's keys. */
    public NoticeProtocol notices() {
        return notices;
    }

    /**
     * Runs {@code work} on a channel of its own; messages it still holds when it ends go back to
     * their queue, whatever happens.
     */
    public void withHeldMessages(String action, HeldMessages.Work work) {
        try (Channel channel = publishing.createChannel()) {
            work.run(new HeldMessages(channel, config.publishTimeout().toMillis()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw RabbitExceptions.translate(action, address, e);
        }
    }

    /**
     * Publishes a persistent message to a broker queue. The future completes when RabbitMQ has
     * confirmed it (it is then on disk or replicated); it fails with {@link PublishFailedException}
     * if the broker refuses it, or, when {@code mandatory}, if no such queue exists. Blocks while
     * the window of unconfirmed messages is full or the broker blocks publishers, at most {@code
     * publishTimeout}.
     */
    public CompletableFuture<Void> publish(
            String brokerQueue, Envelope envelope, boolean mandatory) {
        return publisher.publish(brokerQueue, envelope, mandatory);
    }

    /**
     * As {@link #publish}, through {@code exchange} with {@code routingKey}, not mandatory: a
     * message that no queue's binding matches is dropped by the broker. The exchange must exist.
     */
    public CompletableFuture<Void> publishToExchange(
            String exchange, String routingKey, Envelope envelope) {
        return publisher.publish(exchange, routingKey, envelope, false);
    }

    /**
     * Starts a push consumer on its own channel with manual acknowledgements. The handler runs on
     * the client's dispatch thread: it must hand real work to another thread.
     */
    public Subscription consume(String brokerQueue, int prefetch, DeliveryHandler handler) {
        return consume(brokerQueue, prefetch, handler, false);
    }

    /**
     * A consumer whose handler finishes each delivery on the dispatch thread, in order, without
     * settling it: the consumer acknowledges each one after the handler returns. For consumers that
     * never give a message back, such as a client's reply queue. It is exclusive, so nobody else
     * can consume the queue while it runs; it fails if the queue has a consumer already.
     */
    public Subscription consumeAcknowledgingAfterHandler(
            String brokerQueue, int prefetch, DeliveryHandler handler) {
        return consume(brokerQueue, prefetch, handler, true);
    }

    private Subscription consume(
            String brokerQueue,
            int prefetch,
            DeliveryHandler handler,
            boolean acknowledgeAfterHandler) {
        try {
            QueueConsumer consumer =
                    QueueConsumer.start(
                            consuming,
                            brokerQueue,
                            prefetch,
                            handler,
                            acknowledgeAfterHandler,
                            acknowledgeAfterHandler);
            subscriptions.add(consumer);
            return consumer;
        } catch (Exception e) {
            throw RabbitExceptions.translate("consume from " + brokerQueue, address, e);
        }
    }

    /**
     * Reads the stream {@code stream} from {@code fromMillis} on and follows it; {@code reader}
     * runs on the client's dispatch thread, once per entry, and must be quick.
     */
    public Subscription follow(
            String stream, long fromMillis, java.util.function.Consumer<Envelope> reader) {
        try {
            StreamFollower follower = StreamFollower.start(consuming, stream, fromMillis, reader);
            subscriptions.add(follower);
            return follower;
        } catch (Exception e) {
            throw RabbitExceptions.translate("read the stream " + stream, address, e);
        }
    }

    /** Where shipped code waits on the broker. */
    public BundleShelf bundles() {
        return new BundleShelf(
                publishing, consuming, address, BundleShelf.EXPIRY, config.quorumQueues());
    }

    /** Whether both connections are open right now (false while recovering). */
    public boolean isConnected() {
        return publishing.isOpen() && consuming.isOpen();
    }

    /** Waits until every publish so far is confirmed or failed. */
    public boolean awaitConfirms(Duration wait) {
        return publisher.awaitConfirms(wait);
    }

    /** Closes consumers, waits briefly for outstanding confirms, then closes both connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Subscription::close);
        if (!publisher.awaitConfirms(Duration.ofSeconds(5))) {
            log.warn(
                    "closing with {} messages not yet confirmed by {}",
                    publisher.unconfirmed(),
                    address);
        }
        publisher.close();
        Connections.closeQuietly(consuming);
        Connections.closeQuietly(publishing);
    }
}
