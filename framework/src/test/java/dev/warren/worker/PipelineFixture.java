package dev.warren.worker;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.TaskOptions;
import dev.warren.WarrenConfig;
import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** A worker pipeline with a fixed clock, the real codec and signer, and a recording broker. */
final class PipelineFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String QUEUE = "pipeline-test";
    static final String BROKER_QUEUE = "warren." + QUEUE;
    static final String REPLY_QUEUE = "warren.reply.test";
    static final Duration GRACE = Duration.ofMillis(300);

    /** How {@link RecordingPort} records a notice: this, then the reply queue it is routed by. */
    static final String NOTICES_PREFIX = "notices->";

    @TaskOptions(queue = QUEUE, maxAttempts = 3, retryDelayMillis = 1000)
    record Doubles(int n) implements Task<Integer> {
        @Override
        public Integer run(TaskContext ctx) {
            return n * 2;
        }
    }

    @TaskOptions(queue = QUEUE, maxAttempts = 3, retryDelayMillis = 1000)
    record Fails(String why) implements Task<Void> {
        @Override
        public Void run(TaskContext ctx) {
            throw new IllegalStateException(why);
        }
    }

    @TaskOptions(queue = QUEUE, maxAttempts = 3)
    record WaitsForInterrupt() implements Task<Void> {
        @Override
        public Void run(TaskContext ctx) throws InterruptedException {
            Thread.currentThread().interrupt();
            throw new InterruptedException("stopped");
        }
    }

    /** Runs {@code millis}, clearing every interrupt, without burning a core. */
    @TaskOptions(queue = QUEUE, timeoutSeconds = 1)
    record IgnoresInterruption(long millis) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                Thread.interrupted();
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            return "late";
        }
    }

    @TaskOptions(queue = QUEUE)
    record ReturnsUnregistered() implements Task<Object> {
        @Override
        public Object run(TaskContext ctx) {
            return new StringBuilder("not registered");
        }
    }

    @TaskOptions(queue = QUEUE)
    record BreaksTheWorker() implements Task<Void> {
        @Override
        public Void run(TaskContext ctx) {
            throw new AssertionError("never runs: the meters throw first");
        }
    }

    @TaskOptions(queue = QUEUE)
    record OverflowsTheWorker() implements Task<Void> {
        @Override
        public Void run(TaskContext ctx) {
            throw new AssertionError("never runs: the meters overflow first");
        }
    }

    static final WarrenConfig CONFIG =
            WarrenConfig.custom()
                    .signingKeys(SigningKeys.of("k1", filled(32, 7)))
                    .register(Doubles.class, 100)
                    .register(Fails.class, 101)
                    .register(WaitsForInterrupt.class, 102)
                    .register(ReturnsUnregistered.class, 103)
                    .register(BreaksTheWorker.class, 104)
                    .register(OverflowsTheWorker.class, 105)
                    .register(IgnoresInterruption.class, 106)
                    .maxMessageAge(Duration.ofMinutes(10))
                    .build();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageSealer sealer = MessageSealer.forConfig(CONFIG, TaskProtocol.WIRE_TYPES);
    final TaskProtocol protocol = new TaskProtocol(sealer, clock);
    final NoticeProtocol notices = new NoticeProtocol(sealer, clock);
    final RecordingPort port = new RecordingPort();
    final PipelineCounters counters = new PipelineCounters();
    private final ExecutorService taskThreads = TaskThreads.create();
    final StuckTasks stuck = new StuckTasks(counters.stuck, 1, stuck -> {});
    final TaskPipeline pipeline;

    PipelineFixture() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config()
                .meterFilter(
                        new MetricsBackendBrokenFor(
                                BreaksTheWorker.class,
                                () -> new IllegalStateException("metrics backend down")))
                .meterFilter(
                        new MetricsBackendBrokenFor(
                                OverflowsTheWorker.class, () -> new StackOverflowError()));
        WorkerMeters meters = new WorkerMeters(registry);
        LocalReplays replays = new LocalReplays();
        pipeline =
                new TaskPipeline(
                        new Admission(sealer, protocol, clock, CONFIG, replays),
                        replays,
                        new TimedRun(taskThreads, GRACE, stuck),
                        new Effects(
                                port,
                                protocol,
                                clock,
                                counters,
                                meters,
                                "test-host:1",
                                new CallerNotices(
                                        port,
                                        protocol,
                                        notices,
                                        "test-host:1",
                                        CONFIG.signingKeys().ids()),
                                BrokerNames.DEFAULT),
                        clock,
                        counters,
                        meters,
                        WorkerConfig.custom().queues(QUEUE).build());
    }

    Envelope task(Task<?> task, String replyTo) {
        return protocol.task(new Submission(task, TaskId.random(), replyTo));
    }

    /** Hands one delivery to the pipeline, as the worker's dispatch does. */
    FakeDelivery process(Envelope envelope, boolean redelivered) {
        FakeDelivery delivery = new FakeDelivery(envelope, redelivered);
        counters.unsettled.incrementAndGet();
        pipeline.process(delivery, QUEUE);
        return delivery;
    }

    @Override
    public void close() {
        taskThreads.shutdownNow();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A metrics backend that fails on one task type: an error of the worker, not of the task. */
    private record MetricsBackendBrokenFor(Class<?> type, Supplier<Throwable> failure)
            implements MeterFilter {
        @Override
        public Meter.Id map(Meter.Id id) {
            if (type.getName().equals(id.getTag("type"))) {
                Throwable thrown = failure.get();
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
            return id;
        }
    }

    /** A published message, as the port saw it. */
    record Published(String queue, Envelope envelope, boolean mandatory) {}

    static final class RecordingPort implements WorkerPort {
        final List<Published> published = new ArrayList<>();
        final List<String> delayQueuesDeclared = new ArrayList<>();
        boolean refuseEverything;

        @Override
        public CompletableFuture<Void> publish(
                String brokerQueue, Envelope envelope, boolean mandatory) {
            published.add(new Published(brokerQueue, envelope, mandatory));
            return refuseEverything
                    ? CompletableFuture.failedFuture(new IllegalStateException("nack"))
                    : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publishNotice(String replyQueue, Envelope notice) {
            return publish(NOTICES_PREFIX + replyQueue, notice, false);
        }

        @Override
        public void declareDelayQueue(String queue, Duration delay) {
            delayQueuesDeclared.add(queue + "/" + delay.toMillis());
        }
    }

    static final class FakeDelivery implements Delivery {
        private final Envelope envelope;
        private final boolean redelivered;
        final List<String> settlements = new ArrayList<>();

        FakeDelivery(Envelope envelope, boolean redelivered) {
            this.envelope = envelope;
            this.redelivered = redelivered;
        }

        @Override
        public Envelope envelope() {
            return envelope;
        }

        @Override
        public String queue() {
            return BROKER_QUEUE;
        }

        @Override
        public boolean redelivered() {
            return redelivered;
        }

        @Override
        public void ack() {
            settlements.add("ack");
        }

        @Override
        public void requeue() {
            settlements.add("requeue");
        }

        @Override
        public void discard() {
            settlements.add("discard");
        }
    }
}
