package dev.warren.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code warren.*} properties. Unset values take Warren's own defaults (see {@code
 * docs/configuration.md}); {@link WarrenConfigFactory} turns them into a {@code WarrenConfig}.
 *
 * <pre>{@code
 * warren.broker.uri=amqp://rabbit.example.com:5672/production
 * warren.broker.username=app
 * warren.broker.password=${RABBIT_PASSWORD}
 * warren.keys-file=/etc/warren/keys
 * warren.worker.queues=payments,mail
 * warren.worker.concurrency=4
 * }</pre>
 */
@ConfigurationProperties("warren")
public class WarrenProperties {
    /** Work queues: classic, or quorum (replicated, for clusters). */
    public enum QueueType {
        CLASSIC,
        QUORUM
    }

    private final Broker broker = new Broker();
    private final Worker worker = new Worker();

    /**
     * Signing keys in the text form of WARREN_KEYS (id=base64secret, comma or newline separated);
     * the environment variable WARREN_KEYS sets it too.
     */
    private String keys;

    /** A key file (readable by its owner only) instead of warren.keys. */
    private Path keysFile;

    /** Unconfirmed publishes at most; Warren's default is 256. */
    private Integer publishWindow;

    /** Larger message bodies are refused; Warren's default is 8MB. */
    private DataSize maxBodySize;

    /** Work queue type; Warren's default is classic. */
    private QueueType queueType;

    /** How the connections are named in RabbitMQ; Warren's default is "warren". */
    private String connectionName;

    /**
     * Isolates every broker name of this application (queues, exchanges, coordination) from other
     * namespaces on the same broker; none by default.
     */
    private String namespace;

    /** TaskCatalog classes (with a public no-argument constructor) whose registrations to apply. */
    private List<String> catalog = new ArrayList<>();

    /** Whether to connect a Coordinator (a connection of its own) for locks, events and maps. */
    private boolean coordination = true;

    public Broker getBroker() {
        return broker;
    }

    public Worker getWorker() {
        return worker;
    }

    public String getKeys() {
        return keys;
    }

    public void setKeys(String keys) {
        this.keys = keys;
    }

    public Path getKeysFile() {
        return keysFile;
    }

    public void setKeysFile(Path keysFile) {
        this.keysFile = keysFile;
    }

    public Integer getPublishWindow() {
        return publishWindow;
    }

    public void setPublishWindow(Integer publishWindow) {
        this.publishWindow = publishWindow;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public QueueType getQueueType() {
        return queueType;
    }

    public void setQueueType(QueueType queueType) {
        this.queueType = queueType;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public List<String> getCatalog() {
        return catalog;
    }

    public void setCatalog(List<String> catalog) {
        this.catalog = catalog;
    }

    public boolean isCoordination() {
        return coordination;
    }

    public void setCoordination(boolean coordination) {
        this.coordination = coordination;
    }

    /** {@code warren.broker.*}: where RabbitMQ is and who we are there. */
    public static class Broker {
        /**
         * amqp:// or amqps:// URI, credentials and vhost included or not; several, separated by
         * commas, for the nodes of one cluster.
         */
        private String uri;

        /** Replaces the user of the URI. */
        private String username;

        /** Replaces the password of the URI. */
        private String password;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** {@code warren.worker.*}: the worker the application runs, if any. */
    public static class Worker {
        /** Whether to run a worker when queues are given. */
        private boolean enabled = true;

        /** Task queues to consume (as in @TaskOptions(queue = ...)); none: no worker. */
        private List<String> queues = new ArrayList<>();

        /** Tasks at once; Warren's default is one per CPU. */
        private Integer concurrency;

        /** How long stopping waits for running tasks; Warren's default is 5 minutes. */
        private Duration shutdownTimeout;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getQueues() {
            return queues;
        }

        public void setQueues(List<String> queues) {
            this.queues = queues;
        }

        public Integer getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(Integer concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }
}
