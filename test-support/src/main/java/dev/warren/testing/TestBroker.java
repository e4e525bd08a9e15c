package dev.warren.testing;

import com.rabbitmq.client.Connection;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.internal.transport.Topology;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The RabbitMQ broker a test class runs against, from {@link RabbitMqExtension}: its URI, a
 * configuration with this JVM's test signing key, names that no other test uses, a plain RabbitMQ
 * connection for hand-made messages, and {@code rabbitmqctl} for failure tests.
 *
 * <p>Each test class gets its own instance. What it names through {@link #uniqueName} and {@link
 * Queues#reset} is deleted after the class.
 */
public final class TestBroker {
    private static final String KEYS_TEXT = SigningKeys.generate("test");

    private final BrokerEndpoint endpoint;
    private final ClassCleanup cleanup;

    TestBroker(BrokerEndpoint endpoint, ClassCleanup cleanup) {
        this.endpoint = endpoint;
        this.cleanup = cleanup;
    }

    public URI uri() {
        return endpoint.uri();
    }

    /**
     * The signing key every test and every process they start shares in this JVM, in the text form
     * of {@code WARREN_KEYS}.
     */
    public String keysText() {
        return KEYS_TEXT;
    }

    public SigningKeys keys() {
        return SigningKeys.parse(KEYS_TEXT, "test keys");
    }

    /** A configuration for this broker with the test key; add registrations and build it. */
    public WarrenConfig.Builder config() {
        return WarrenConfig.custom().brokerUri(uri()).signingKeys(keys()).connectAttempts(3);
    }

    /**
     * {@code prefix} and a random suffix: a name for a queue or a lock, semaphore, event or map
     * that no other test uses. Every queue and exchange whose name contains it is deleted after the
     * test class, and the class fails if one is still there then.
     */
    public String uniqueName(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        cleanup.uniqueName(name);
        return name;
    }

    /**
     * A {@code warren-worker} launcher (see {@link WorkerLauncher#fromBuild()}) already given this
     * broker and the test key.
     */
    public WorkerLauncher workerLauncher() {
        return WorkerLauncher.fromBuild().broker(uri()).keys(KEYS_TEXT);
    }

    /** A plain RabbitMQ connection (no Warren, no automatic recovery); close it. */
    public Connection rawConnection() throws Exception {
        return endpoint.connect("warren-test-raw");
    }

    /** Runs {@code rabbitmqctl} on the broker's node and returns its output. */
    public String rabbitmqctl(String... args) throws IOException, InterruptedException {
        return endpoint.rabbitmqctl(List.of(args));
    }

    void deleteAfterClass(String taskQueue) {
        cleanup.workQueue(Topology.workQueue(taskQueue));
    }

    /**
     * Deletes after the class everything named in {@code names}' namespace (a unique name of this
     * class): found by listing where {@code rabbitmqctl} can, and in any case the queues of {@code
     * taskQueues} and the heartbeat and notice exchanges.
     */
    void deleteNamespaceAfterClass(BrokerNames names, Iterable<String> taskQueues) {
        cleanup.uniqueName(names.root() + ".");
        for (String queue : taskQueues) {
            cleanup.workQueue(names.workQueue(queue));
        }
        cleanup.exchange(names.heartbeats());
        cleanup.exchange(names.notices());
    }

    void deleteNamedAfterClass(String name) {
        cleanup.uniqueName(name);
    }

    void cleanUp() throws Exception {
        cleanup.run();
    }
}
