package dev.warren.worker;

import dev.warren.ConfigurationException;
import dev.warren.SigningKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a worker consumes and how much at once. {@code concurrency} defaults to one task per CPU (as
 * Parallel Python does); {@code prefetch} defaults to the concurrency, which spreads long tasks
 * fairly across workers. For many short tasks raise it (100-300) for throughput.
 *
 * <pre>{@code
 * WorkerConfig config = WorkerConfig.custom().queues("primes", "mail").concurrency(8).build();
 * }</pre>
 */
public final class WorkerConfig {
    private final Builder values;

    private WorkerConfig(Builder b) {
        this.values = b.copy();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** This configuration consuming {@code queues} instead (the queue checks' plan). */
    WorkerConfig withQueues(List<String> queues) {
        if (queues.equals(values.queues)) {
            return this;
        }
        Builder b = values.copy();
        b.queues.clear();
        b.queues.addAll(queues);
        return new WorkerConfig(b);
    }

    /** Logical queue names (without the {@code warren.} prefix). */
    public List<String> queues() {
        return List.copyOf(values.queues);
    }

    /** Tasks run at the same time, each on its own thread. */
    public int concurrency() {
        return values.concurrency;
    }

    /** Unacknowledged messages the broker may push to this worker per queue. */
    public int prefetch() {
        return values.prefetch > 0 ? values.prefetch : values.concurrency;
    }

    /**
     * How long closing waits for running tasks before interrupting them and requeueing their
     * messages.
     */
    public Duration shutdownTimeout() {
        return values.shutdownTimeout;
    }

    /** How many recent (task id, attempt) pairs the worker remembers to refuse replays. */
    public int replayMemory() {
        return values.replayMemory;
    }

    ServiceLocator services() {
        return values.services;
    }

    /** How often the worker announces itself on {@code warren.heartbeats}; zero: never. */
    public Duration heartbeatInterval() {
        return values.heartbeatInterval;
    }

    /**
     * Where the worker's meters go; by default Micrometer's global registry, which keeps nothing
     * until the application adds a registry to it.
     */
    public MeterRegistry meterRegistry() {
        return values.meterRegistry;
    }

    /**
     * How long a task that ran past its timeout has, once interrupted, to end; after that the
     * worker fails the attempt with the timeout, settles its message, and leaves the thread behind
     * as stuck.
     */
    public Duration timeoutGrace() {
        return values.timeoutGrace;
    }

    /** Whether this worker runs tasks whose code the producer ships. */
    public boolean acceptsCode() {
        return values.code.accept();
    }

    /** The rest of what {@link Builder#acceptCode} and the setters after it say. */
    CodeAcceptance codeAcceptance() {
        return values.code;
    }

    /**
     * How many stuck task threads (tasks that ignored interruption past their timeout and grace)
     * the worker tolerates; with more it stops taking work, drains and stops with a failure.
     */
    public int maxStuckTasks() {
        return values.maxStuckTasks != null ? values.maxStuckTasks : values.concurrency;
    }

    /** Builds a {@link WorkerConfig}. */
    public static final class Builder implements Cloneable {
        private List<String> queues = new ArrayList<>();
        private int concurrency = Runtime.getRuntime().availableProcessors();
        private int prefetch;
        private Duration shutdownTimeout = Duration.ofMinutes(5);
        private int replayMemory = 100_000;
        private ServiceLocator services = ServiceLocator.empty();
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private MeterRegistry meterRegistry = Metrics.globalRegistry;
        private Duration timeoutGrace = Duration.ofSeconds(2);
        private Integer maxStuckTasks;
        private CodeAcceptance code = CodeAcceptance.refuse();

        private Builder() {}

        private Builder copy() {
            try {
                Builder b = (Builder) super.clone();
                b.queues = new ArrayList<>(queues);
                return b;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        public Builder queues(String... names) {
            return queues(List.of(names));
        }

        public Builder queues(List<String> names) {
            for (String name : names) {
                QueueChecks.checkGiven(name);
            }
            queues.addAll(names);
            return this;
        }

        public Builder concurrency(int tasks) {
            if (tasks < 1) {
                throw new ConfigurationException("concurrency must be at least 1, was " + tasks);
            }
            this.concurrency = tasks;
            return this;
        }

        public Builder prefetch(int messages) {
            if (messages < 1 || messages > 65535) {
                throw new ConfigurationException(
                        "prefetch must be between 1 and 65535, was " + messages);
            }
            this.prefetch = messages;
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "shutdownTimeout");
            if (timeout.isNegative()) {
                throw new ConfigurationException(
                        "shutdownTimeout must not be negative, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        public Builder replayMemory(int entries) {
            if (entries < 0) {
                throw new ConfigurationException(
                        "replayMemory must not be negative, was " + entries);
            }
            this.replayMemory = entries;
            return this;
        }

        /**
         * An object the tasks may use (a database pool, an HTTP client, a {@code Coordinator}),
         * found by {@code ctx.service(type)}, so that task records carry only data.
         */
        public <S> Builder service(Class<S> type, S service) {
            this.services = services.with(type, service);
            return this;
        }

        /**
         * Where {@code ctx.service(type)} looks for a type that {@link #service} did not register,
         * such as a dependency-injection container; registered services come first. The lookup
         * returns an instance of the type it is asked for, or empty.
         *
         * <pre>{@code
         * WorkerConfig.custom().queues("payments")
         *     .serviceLookup(type -> Optional.ofNullable(container.find(type)))
         * }</pre>
         */
        public Builder serviceLookup(Function<Class<?>, Optional<?>> lookup) {
            this.services = services.withFallback(lookup);
            return this;
        }

        /** How often to send a heartbeat (default 5 s); {@link Duration#ZERO} turns them off. */
        public Builder heartbeatInterval(Duration interval) {
            Objects.requireNonNull(interval, "heartbeatInterval");
            if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 100)) {
                throw new ConfigurationException(
                        "heartbeatInterval must be zero (off) or at least 100 ms, was " + interval);
            }
            this.heartbeatInterval = interval;
            return this;
        }

        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /** Default 2 s; zero gives up on a task as soon as its timeout interrupts it. */
        public Builder timeoutGrace(Duration grace) {
            Objects.requireNonNull(grace, "timeoutGrace");
            if (grace.isNegative()) {
                throw new ConfigurationException("timeoutGrace must not be negative, was " + grace);
            }
            this.timeoutGrace = grace;
            return this;
        }

        /** Default: the concurrency; zero stops the worker at its first stuck thread. */
        public Builder maxStuckTasks(int threads) {
            if (threads < 0) {
                throw new ConfigurationException(
                        "maxStuckTasks must not be negative, was " + threads);
            }
            this.maxStuckTasks = threads;
            return this;
        }

        /**
         * Run tasks whose code the producer ships (off by default). Anyone holding a key this
         * worker accepts for code can then run any code on it: require a separate code key with
         * {@link #codeKeys}.
         */
        public Builder acceptCode(boolean accept) {
            this.code = code.accepting(accept);
            return this;
        }

        /** Accept shipped code only when signed with these keys, not with the task keys. */
        public Builder codeKeys(SigningKeys keys) {
            this.code = code.withKeys(Objects.requireNonNull(keys, "codeKeys"));
            return this;
        }

        /** Where verified bundles are kept between runs (a per-user folder in the temp dir). */
        public Builder bundleCache(Path dir) {
            this.code = code.withCacheDir(Objects.requireNonNull(dir, "bundleCache"));
            return this;
        }

        /** Refuse shipped code larger than this (16 MiB by default). */
        public Builder maxBundleBytes(int bytes) {
            this.code = code.withMaxBundleBytes(bytes);
            return this;
        }

        public WorkerConfig build() {
            if (queues.isEmpty()) {
                throw new ConfigurationException("a worker needs at least one queue");
            }
            if (new LinkedHashSet<>(queues).size() != queues.size()) {
                throw new ConfigurationException("queues are listed twice: " + queues);
            }
            return new WorkerConfig(this);
        }
    }
}
