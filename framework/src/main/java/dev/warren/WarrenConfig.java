package dev.warren;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a Warren process needs to talk to the broker and to its peers: the broker URI, the
 * signing keys, the task classes it names (if any) and the limits. Immutable; build it with {@link
 * #custom()}. Producers and workers must agree on keys, and on explicit ids where there are any.
 *
 * <pre>{@code
 * WarrenConfig config = WarrenConfig.custom()
 *     .brokerUriFromEnvironment() // WARREN_BROKER_URI=amqps://app:secret@rabbit:5671/prod
 *     .signingKeys(SigningKeys.fromEnvironment())
 *     .build();
 * }</pre>
 */
public final class WarrenConfig {
    /** The URI used when none is given. */
    public static final URI DEFAULT_BROKER_URI = URI.create("amqp://guest:guest@localhost:5672");

    /** Explicit ids start here; lower ids, and those from 1,000,000 up, belong to Warren. */
    public static final int FIRST_USER_TYPE_ID = 100;

    private final Builder values;

    private WarrenConfig(Builder b) {
        this.values = b.copy();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        return values.copy();
    }

    public URI brokerUri() {
        return values.brokerUris.get(0);
    }

    public List<URI> brokerUris() {
        return values.brokerUris;
    }

    public String brokerAddressForHumans() { // without passwords, comma-separated
        return BrokerUris.redact(values.brokerUris);
    }

    public SigningKeys signingKeys() {
        return values.signingKeys;
    }

    /** Class to explicit Kryo id, in registration order. */
    public Map<Class<?>, Integer> registrations() {
        return Collections.unmodifiableMap(values.registrations);
    }

    /** The task classes named with {@link Builder#tasks}, in order; empty if none were. */
    public List<Class<?>> tasks() {
        return List.copyOf(values.tasks);
    }

    /** Larger message bodies are refused before their signature is checked. */
    public int maxBodyBytes() {
        return values.maxBodyBytes;
    }

    /** A task due longer ago than this is refused as a possible replay. */
    public Duration maxMessageAge() {
        return values.maxMessageAge;
    }

    /** How far in the future a message's timestamp may be (clocks of hosts differ). */
    public Duration maxClockSkew() {
        return values.maxClockSkew;
    }

    /** Publishes awaiting a broker confirm, at most; more block the publisher. */
    public int publishWindow() {
        return values.publishWindow;
    }

    /** How long a publish may block on a full window or a blocked broker before it fails. */
    public Duration publishTimeout() {
        return values.publishTimeout;
    }

    /** How long a client's reply queue outlives the client's last connection. */
    public Duration replyQueueExpiry() {
        return values.replyQueueExpiry;
    }

    public Duration heartbeat() {
        return values.heartbeat;
    }

    /** Tries at the first connection before it fails with {@code BrokerUnavailableException}. */
    public int connectAttempts() {
        return values.connectAttempts;
    }

    public String connectionName() {
        return values.connectionName;
    }

    /** Names start with {@code warren@<namespace>.} instead of {@code warren.}; empty: none. */
    public String namespace() {
        return values.namespace;
    }

    /** Whether the queues Warren declares are quorum queues where they can be (for clusters). */
    public boolean quorumQueues() {
        return values.quorumQueues;
    }

    /** Which task classes this producer ships with their code: {@link ShipCode} ones by default. */
    public ShipOptions shipOptions() {
        return values.shipOptions;
    }

    /** With quorum queues: deliveries of one message after which the broker dead-letters it. */
    public int quorumDeliveryLimit() {
        return values.quorumDeliveryLimit;
    }

    @Override
    public String toString() {
        String namespace = values.namespace.isEmpty() ? "" : ", namespace=" + values.namespace;
        return String.format(
                "WarrenConfig[broker=%s%s, keys=%s, registrations=%d]",
                brokerAddressForHumans(), namespace, values.signingKeys, registrations().size());
    }

    /** Builds a {@link WarrenConfig}; each setter checks its value and names it when wrong. */
    public static final class Builder implements Cloneable {
        private List<URI> brokerUris = List.of(DEFAULT_BROKER_URI);
        private SigningKeys signingKeys;
        private Map<Class<?>, Integer> registrations = new LinkedHashMap<>();
        private Set<Class<?>> tasks = new LinkedHashSet<>();
        private int maxBodyBytes = 8 * 1024 * 1024;
        private Duration maxMessageAge = Duration.ofHours(24);
        private Duration maxClockSkew = Duration.ofMinutes(2);
        private int publishWindow = 256;
        private Duration publishTimeout = Duration.ofSeconds(30);
        private Duration replyQueueExpiry = Duration.ofMinutes(30);
        private Duration heartbeat = Duration.ofSeconds(10);
        private int connectAttempts = 5;
        private String connectionName = "warren";
        private String namespace = "";
        private boolean quorumQueues;
        private int quorumDeliveryLimit = 10;
        private ShipOptions shipOptions = ShipOptions.annotatedOnly();

        private Builder() {}

        private Builder copy() {
            try {
                Builder b = (Builder) super.clone();
                b.registrations = new LinkedHashMap<>(registrations);
                b.tasks = new LinkedHashSet<>(tasks);
                return b;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        public Builder brokerUri(URI uri) {
            return brokerUri(BrokerUris.check(uri).toString());
        }

        /** One URI, or several separated by commas: nodes of one cluster, same user and vhost. */
        public Builder brokerUri(String uris) {
            this.brokerUris = BrokerUris.parseList(uris);
            return this;
        }

        /** The URIs in the environment variable WARREN_BROKER_URI; fails naming it when unset. */
        public Builder brokerUriFromEnvironment() {
            this.brokerUris = BrokerUris.fromEnvironment();
            return this;
        }

        public Builder signingKeys(SigningKeys keys) {
            this.signingKeys = Objects.requireNonNull(keys, "signingKeys");
            return this;
        }

        /**
         * Gives a class a Kryo id of your choosing (from {@value #FIRST_USER_TYPE_ID} to 999,999)
         * instead of the one derived from its name, on every host that is given it.
         */
        public Builder register(Class<?> type, int id) {
            ConfigChecks.registration(registrations, type, id);
            registrations.put(type, id);
            return this;
        }

        /**
         * The task classes this process sends or runs, registered at connect with the types they
         * reach; a worker then decodes only these. Without: a producer registers each class at its
         * first submit, and a worker scans its classpath for {@code @TaskOptions} classes.
         */
        public Builder tasks(Class<?>... taskClasses) {
            for (Class<?> type : taskClasses) {
                tasks.add(Objects.requireNonNull(type, "task class"));
            }
            return this;
        }

        /** Applies a catalog's explicit ids. */
        public Builder catalog(TaskCatalog catalog) {
            Objects.requireNonNull(catalog, "catalog")
                    .register(new CatalogRegistry((type, id) -> register(type, id)));
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = ConfigChecks.atLeast("maxBodyBytes", bytes, 1024);
            return this;
        }

        public Builder maxMessageAge(Duration age) {
            this.maxMessageAge = ConfigChecks.positive("maxMessageAge", age);
            return this;
        }

        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = ConfigChecks.notNegative("maxClockSkew", skew);
            return this;
        }

        public Builder publishWindow(int messages) {
            this.publishWindow = ConfigChecks.atLeast("publishWindow", messages, 1);
            return this;
        }

        public Builder publishTimeout(Duration timeout) {
            this.publishTimeout = ConfigChecks.positive("publishTimeout", timeout);
            return this;
        }

        public Builder replyQueueExpiry(Duration expiry) {
            this.replyQueueExpiry = ConfigChecks.atLeastOneSecond("replyQueueExpiry", expiry);
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = ConfigChecks.positive("heartbeat", heartbeat);
            return this;
        }

        public Builder connectAttempts(int attempts) {
            this.connectAttempts = ConfigChecks.atLeast("connectAttempts", attempts, 1);
            return this;
        }

        public Builder connectionName(String name) {
            this.connectionName = ConfigChecks.notBlank("connectionName", name);
            return this;
        }

        /** Isolates the app's broker names: 1-40 of a-z, 0-9, '_', '-' (no dot); blank: none. */
        public Builder namespace(String namespace) {
            this.namespace = ConfigChecks.namespace(namespace);
            return this;
        }

        public Builder quorumQueues(boolean quorum) {
            this.quorumQueues = quorum;
            return this;
        }

        public Builder quorumDeliveryLimit(int deliveries) {
            this.quorumDeliveryLimit = ConfigChecks.atLeast("quorumDeliveryLimit", deliveries, 1);
            return this;
        }

        /** Which tasks' code to ship: {@code ShipOptions.on()} for every task class. */
        public Builder shipCode(ShipOptions options) {
            this.shipOptions = Objects.requireNonNull(options, "shipCode options");
            return this;
        }

        public WarrenConfig build() {
            ConfigChecks.signingKeysGiven(signingKeys);
            return new WarrenConfig(this);
        }
    }
}
