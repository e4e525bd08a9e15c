package dev.warren.internal.transport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.warren.BrokerUnavailableException;
import dev.warren.ConfigurationException;
import dev.warren.WarrenConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every Warren connection to RabbitMQ is made: the task broker's (recovering by itself) and a
 * coordinator's (never recovering behind its back), from the same URI, TLS and heartbeat rules,
 * connected with the same retry.
 */
public final class Connections {
    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final Set<String> WARNED_ADDRESSES = ConcurrentHashMap.newKeySet();
    private static final int INBOUND_BODY_MULTIPLE = 4;
    private static final int INBOUND_BODY_SLACK_BYTES = 1024 * 1024;

    /** Whether the client library reconnects and restores consumers by itself. */
    public enum Recovery {
        AUTOMATIC,
        NONE
    }

    private final WarrenConfig config;
    private final ConnectionFactory factory;
    private final BrokerAddresses addresses;
    private final ExecutorService sharedExecutor;

    private Connections(
            WarrenConfig config, ConnectionFactory factory, ExecutorService sharedExecutor) {
        this.config = config;
        this.factory = factory;
        this.addresses = BrokerAddresses.of(config.brokerUris());
        this.sharedExecutor = sharedExecutor;
    }

    /**
     * @param sharedExecutor runs consumers' callbacks, or null for the client library's own
     */
    public static Connections to(
            WarrenConfig config,
            Recovery recovery,
            int heartbeatSeconds,
            ExecutorService sharedExecutor) {
        warnIfPlainToAnotherHost(config);
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(config.brokerUri());
            if ("amqps".equals(config.brokerUri().getScheme())) {
                // setUri alone would trust every certificate; verify against the JVM's trust store
                factory.useSslProtocol(SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(
                    "broker URI "
                            + config.brokerAddressForHumans()
                            + " is not usable: "
                            + e.getMessage(),
                    e);
        }
        boolean recovering = recovery == Recovery.AUTOMATIC;
        factory.setAutomaticRecoveryEnabled(recovering);
        factory.setTopologyRecoveryEnabled(recovering);
        factory.setTopologyRecoveryRetryHandler(RecoveryRetries.ON_QUEUE_NOT_FOUND);
        factory.setNetworkRecoveryInterval(1000);
        factory.setRequestedHeartbeat(heartbeatSeconds);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setMaxInboundMessageBodySize(maxInboundBodyBytes(config));
        if (sharedExecutor != null) {
            factory.setSharedExecutor(sharedExecutor);
        }
        return new Connections(config, factory, sharedExecutor);
    }

    /**
     * The largest body the client library accepts before allocating it: {@value
     * #INBOUND_BODY_MULTIPLE} times {@link WarrenConfig#maxBodyBytes()} plus {@value
     * #INBOUND_BODY_SLACK_BYTES} bytes. Bodies up to it reach the worker, which dead-letters those
     * over {@code maxBodyBytes} as {@code OVERSIZED}; a larger body makes the library close the
     * connection, and the broker redelivers it to the next one, which is why the broker's own
     * {@code max_message_size} should refuse such bodies at publish.
     */
    public static int maxInboundBodyBytes(WarrenConfig config) {
        long bytes =
                (long) INBOUND_BODY_MULTIPLE * config.maxBodyBytes() + INBOUND_BODY_SLACK_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * Opens a connection named {@code name} (as the management UI and {@code rabbitmqctl
     * list_connections} show it; callers put {@link #processIdentity()} in it), retrying with
     * exponential backoff up to {@link WarrenConfig#connectAttempts()} times while the failure may
     * heal.
     *
     * @throws BrokerUnavailableException naming the broker and the cause
     */
    public Connection open(String name) {
        Retry retry =
                Retry.of(
                        "connect " + name,
                        RetryConfig.custom()
                                .maxAttempts(config.connectAttempts())
                                .intervalFunction(
                                        IntervalFunction.ofExponentialBackoff(500, 2.0, 5000))
                                .retryOnException(Connections::mayHeal)
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
        return retry.executeSupplier(() -> connect(name));
    }

    /**
     * One attempt to open a connection, without the retries of {@link #open}: for callers that run
     * a reconnect loop of their own.
     *
     * @throws BrokerUnavailableException naming the broker and the cause
     */
    public Connection openOnce(String name) {
        return connect(name);
    }

    private Connection connect(String name) {
        try {
            // every node of the list is tried, here and at each automatic recovery
            return factory.newConnection(sharedExecutor, addresses, name);
        } catch (Exception e) {
            throw RabbitExceptions.translate("connect", config.brokerAddressForHumans(), e);
        }
    }

    /**
     * Plain AMQP carries the broker password and every task's body in clear text, which is fair on
     * loopback only. Said once per broker address, not at every reconnect or coordinator.
     */
    private static void warnIfPlainToAnotherHost(WarrenConfig config) {
        URI uri = config.brokerUri();
        boolean remote = config.brokerUris().stream().anyMatch(u -> !isLoopback(u.getHost()));
        if ("amqp".equals(uri.getScheme())
                && remote
                && WARNED_ADDRESSES.add(config.brokerAddressForHumans())) {
            log.warn(
                    "connecting to {} with plain amqp://: the broker password and every message"
                            + " travel unencrypted; use amqps:// for a broker on another host",
                    config.brokerAddressForHumans());
        }
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty() || "localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean mayHeal(Throwable e) {
        return e instanceof BrokerUnavailableException b && b.problem().isTransient();
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

    /** Closes {@code connection} within 5 s, or aborts it if it is closed already; never throws. */
    static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(5000);
            } else {
                connection.abort(1000);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // closing is best effort: the connection is being given up either way
        }
    }
}
