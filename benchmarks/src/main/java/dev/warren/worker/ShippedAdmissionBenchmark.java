package dev.warren.worker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.benchmarks.BenchmarkCatalog;
import dev.warren.benchmarks.NoopTask;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.protocol.ShippedTaskBinding;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a worker spends on the CPU to admit one task (verify, decode, check) when its code was
 * shipped and the bundle is cached, against one whose class is on the worker's class path: the
 * per-task cost of shipping that the end-to-end harness cannot resolve through the noise of a
 * shared machine. One real task of each kind is published once by a real {@link TaskClient} and
 * taken off the queue; the worker's own {@link Admission} then admits that message again and again,
 * with replay protection off. Needs the broker at {@link WarrenConfig#DEFAULT_BROKER_URI} once, for
 * that task and the bundle's first fetch.
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/runtime-classpath.txt):benchmarks/target/classes" \
 *     org.openjdk.jmh.Main ShippedAdmissionBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class ShippedAdmissionBenchmark {
    @Param({"jar", "shipped"})
    public String side;

    private final String queue = "bench-admit-" + UUID.randomUUID().toString().substring(0, 8);
    private Path cache;
    private BrokerLink worker;
    private Admission admission;
    private Envelope task;

    @Setup
    public void setUp() throws Exception {
        boolean shipped = side.equals("shipped");
        WarrenConfig.Builder builder =
                WarrenConfig.custom()
                        .signingKeys(SigningKeys.parse(SigningKeys.generate("bench"), "bench"));
        // as in the harness: the jar side registers the task, the shipped side ships it
        WarrenConfig config =
                shipped
                        ? builder.shipCode(ShipOptions.on()).build()
                        : builder.catalog(new BenchmarkCatalog()).build();
        try (Broker producer = Broker.connect(config);
                TaskClient client = new TaskClient(producer)) {
            client.submit(new NoopTask(new byte[100]), SubmitOptions.onQueue(queue));
            task = takeOne(config.brokerUri(), Topology.workQueue(queue));
        }
        cache = Files.createTempDirectory("warren-bench-bundles");
        worker = BrokerLink.connect(config);
        CodeAcceptance code =
                WorkerConfig.custom()
                        .queues(queue)
                        .acceptCode(shipped)
                        .bundleCache(cache)
                        .build()
                        .codeAcceptance();
        Clock clock = Clock.systemUTC();
        admission =
                new Admission(
                        worker.sealer(),
                        worker.protocol(),
                        clock,
                        config,
                        ReplayCheck.NONE,
                        ShippedTasks.of(worker, code, clock));
        // the first admission of a shipped task fetches and caches its bundle
        Admission.Verdict first = admission.admit(task, false, queue);
        if (!(first instanceof Admission.Admitted)) {
            tearDown();
            throw new IllegalStateException("the " + side + " task was refused: " + first);
        }
    }

    @Benchmark
    public Object admit() {
        return admission.admit(task, false, queue);
    }

    @TearDown
    public void tearDown() throws Exception {
        worker.topology().delete(Topology.workQueue(queue));
        worker.topology().delete(Topology.deadLetterQueue(queue));
        String bundle = ShippedTaskBinding.bundleOf(task.binding(), queue);
        if (bundle != null) {
            worker.topology().delete(BundleSeal.address(bundle));
        }
        worker.close();
        try (var files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Envelope takeOne(URI broker, String brokerQueue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                GetResponse got = channel.basicGet(brokerQueue, true);
                if (got != null) {
                    return AmqpMessages.envelope(got.getProps(), got.getBody());
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("no task arrived on " + brokerQueue);
    }
}
