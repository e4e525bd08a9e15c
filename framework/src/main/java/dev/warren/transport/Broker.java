package dev.warren.transport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.warren.WarrenConfig;
import dev.warren.codec.KryoCodec;
import dev.warren.security.HmacSigner;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's link to RabbitMQ: one connection for publishing and one for consuming (as RabbitMQ
 * recommends), both recovering automatically, plus the codec and signer built from the
 * configuration. Clients, workers and coordination primitives share one broker per process. Close
 * it last.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config)) {
 *     TaskClient client = new TaskClient(broker);
 *     ...
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    private final WarrenConfig config;
    private final String address;
    private final Connection publishing;
    private final Connection consuming;
    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final MessageSealer sealer;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Broker(
            WarrenConfig config, MessageSealer sealer, Connection publishing, Connection consuming)
            throws IOException {
        this.config = config;
        this.address = config.brokerAddressForHumans();
        this.sealer = sealer;
        this.publishing = publishing;
        this.consuming = consuming;
        this.publisher =
                new ConfirmingPublisher(
                        publishing, address, config.publishWindow(), config.publishTimeout());
        this.topology =
                new Topology(
                        publishing,
                        address,
                        config.quorumQueues(),
                        config.quorumDeliveryLimit(),
                        config.replyQueueExpiry());
    }

    /** The codec and signer for this configuration; fails on bad registrations before any I/O. */
    private static MessageSealer sealerFor(WarrenConfig config) {
        return new MessageSealer(
                KryoCodec.of(
                        Map.of(RemoteFailure.class, RemoteFailure.KRYO_ID),
                        config.registrations(),
                        config.maxBodyBytes()),
                HmacSigner.of(config.signingKeys()),
                config.maxBodyBytes());
    }

    /**
     * Connects, retrying with exponential backoff up to {@link WarrenConfig#connectAttempts()}
     * times.
     *
     * @throws BrokerUnavailableException naming the broker and the cause when it cannot connect
     */
    public static Broker connect(WarrenConfig config) {
        MessageSealer sealer = sealerFor(config);
        ConnectionFactory factory = connectionFactory(config);
        Retry retry =
                Retry.of(
                        "connect",
                        RetryConfig.custom()
                                .maxAttempts(config.connectAttempts())
                                .intervalFunction(
                                        IntervalFunction.ofExponentialBackoff(500, 2.0, 5000))
                                .retryOnException(Broker::worthRetrying)
                                .build());
        retry.getEventPublisher()
                .onRetry(
                        e ->
                                log.warn(
                                        "cannot connect to {} (attempt {} of {}): {}; retrying in {} ms",
                                        config.brokerAddressForHumans(),
                                        e.getNumberOfRetryAttempts(),
                                        config.connectAttempts(),
                                        e.getLastThrowable().getMessage(),
                                        e.getWaitInterval().toMillis()));
        String name = config.connectionName() + "@" + processIdentity();
        Connection publishing = null;
        try {
            publishing = retry.executeCallable(() -> open(factory, name + "/publish", config));
            Connection consuming = open(factory, name + "/consume", config);
            return new Broker(config, sealer, publishing, consuming);
        } catch (Exception e) {
            if (publishing != null) {
                try {
                    publishing.abort();
                } catch (RuntimeException ignored) {
                    // already failing: the first error is the one to report
                }
            }
            if (e instanceof BrokerUnavailableException b) {
                throw b;
            }
            throw RabbitExceptions.translate("connect", config.brokerAddressForHumans(), e);
        }
    }

    private static Connection open(ConnectionFactory factory, String name, WarrenConfig config) {
        try {
            return factory.newConnection(name);
        } catch (Exception e) {
            throw RabbitExceptions.translate("connect", config.brokerAddressForHumans(), e);
        }
    }

    private static boolean worthRetrying(Throwable e) {
        return e instanceof BrokerUnavailableException
                && !String.valueOf(e.getMessage()).contains("refused the credentials")
                && !String.valueOf(e.getMessage()).contains("unknown host");
    }

    private static ConnectionFactory connectionFactory(WarrenConfig config) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(config.brokerUri());
            if ("amqps".equals(config.brokerUri().getScheme())) {
                // setUri alone would trust every certificate; verify against the JVM's trust store
                factory.useSslProtocol(SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (NoSuchAlgorithmException | java.security.KeyManagementException e) {
            throw new dev.warren.ConfigurationException(
                    "broker URI "
                            + config.brokerAddressForHumans()
                            + " is not usable: "
                            + e.getMessage(),
                    e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setRequestedHeartbeat((int) Math.max(1, config.heartbeat().toSeconds()));
        factory.setConnectionTimeout(10_000);
        return factory;
    }

    /** {@code host:pid} of this process, as Warren's connection names show it in RabbitMQ. */
    public static String processIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    public WarrenConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
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

    public MessageSealer sealer() {
        return sealer;
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
     * Starts a push consumer on its own channel with manual acknowledgements. The handler runs on
     * the client's dispatch thread: it must hand real work to another thread.
     */
    public Subscription consume(String brokerQueue, int prefetch, DeliveryHandler handler) {
        return consume(brokerQueue, prefetch, handler, false);
    }

    /**
     * A consumer whose handler finishes each delivery on the dispatch thread, in order, without
     * settling it: the consumer acknowledges each one after the handler returns. For consumers that
     * never give a message back, such as a client's reply queue.
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
                            consuming, brokerQueue, prefetch, handler, acknowledgeAfterHandler);
            subscriptions.add(consumer);
            return consumer;
        } catch (Exception e) {
            throw RabbitExceptions.translate("consume from " + brokerQueue, address, e);
        }
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
        closeQuietly(consuming);
        closeQuietly(publishing);
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(5000);
            } else {
                connection.abort(1000);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing connection: {}", e.toString());
        }
    }
}
