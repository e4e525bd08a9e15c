package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.client.TaskRefusedException;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.Bundle;
import dev.warren.internal.ship.BundleSeal;
import dev.warren.internal.ship.DependencyWalk;
import dev.warren.internal.ship.SignedBundle;
import dev.warren.internal.ship.TaskCode;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Headers;
import dev.warren.it.support.ItWorkers;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipped code with real worker processes started from the worker jar alone: the task class and its
 * helpers exist only on this producer's class path.
 */
@WarrenTest
class ShippedCodeIT {
    private static final String QUEUE = "it-shipped-code";
    private static final String JAR_QUEUE = "it-shipped-code-jar";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SUM_BELOW_1000 = 76127L;

    private TestBroker test;
    private Broker broker;
    private TaskClient client;
    private ShippedFleet fleet;
    private WarrenConfig config;
    @TempDir Path cache;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE);
        config = test.config().shipCode(ShipOptions.on()).build();
        fleet =
                new ShippedFleet(
                        test, config, ShippedPrimeSum.class, LoadsByName.class, UsesALibrary.class);
        broker = Broker.connect(config);
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
        client.close();
        broker.close();
    }

    /** The bundle the producer ships for {@link ShippedPrimeSum}. */
    private Bundle bundle() {
        return TaskCode.of(ShippedPrimeSum.class, config.shipOptions(), config.registrations())
                .bundle();
    }

    private JvmProcess codeWorker(String... more) throws Exception {
        return fleet.codeWorker(QUEUE, 2, cache, more);
    }

    @Test
    void aWorkerWithTheWorkerJarAloneRunsShippedCodeAndFetchesItOnce() throws Exception {
        JvmProcess worker = codeWorker();

        assertThat(client.submit(new ShippedPrimeSum(1000)).await(WAIT)).isEqualTo(SUM_BELOW_1000);
        assertThat(client.submit(new ShippedPrimeSum(10)).await(WAIT)).isEqualTo(17L);

        assertThat(ShippedFleet.fetches(worker)).as(worker.outputText()).isEqualTo(1);
        assertThat(Files.list(cache).filter(p -> p.toString().endsWith(".bundle")).count())
                .isEqualTo(1);
    }

    @Test
    void aTaskUsingHelpersAndAThirdPartyLibraryTheWorkerLacksReturnsTheRightResult()
            throws Exception {
        assertThat(DependencyWalk.from(UsesALibrary.class).walk().ships("org.hamcrest.Matchers"))
                .as("the library's classes travel in the bundle")
                .isTrue();
        codeWorker();

        assertThat(client.submit(new UsesALibrary(1000, SUM_BELOW_1000)).await(WAIT))
                .isEqualTo("matches <" + SUM_BELOW_1000 + "L>");
    }

    @Test
    void aClassTheWalkCouldNotSeeFailsTheTaskWithTheSentenceThatSaysHowToShipIt() throws Exception {
        codeWorker();

        assertThatThrownBy(
                        () ->
                                client.submit(new LoadsByName(OnlyNamedInAString.class.getName()))
                                        .await(WAIT))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(
                        "ShipOptions.include(" + OnlyNamedInAString.class.getName() + ".class)");
    }

    /**
     * Not a guarantee but the figures of docs/shipping-code.md: time to the first result on a cold
     * worker, and the time per task once cached against a worker that has the jar, both workers up
     * at once on queues of their own, in alternating rounds so neither side gets the warmer JVMs.
     */
    @Test
    void figures() throws Exception {
        Queues.reset(test, JAR_QUEUE);
        fleet.add(ItWorkers.start(test, 2, JAR_QUEUE));
        codeWorker();
        long start = System.nanoTime();
        client.submit(new ShippedPrimeSum(1000)).await(WAIT);
        long first = System.nanoTime();
        client.submit(new ShippedPrimeSum(1000)).await(WAIT);
        long second = System.nanoTime();
        try (Broker plainBroker = Broker.connect(test.config().build());
                TaskClient plain = new TaskClient(plainBroker)) {
            SubmitOptions toJar = SubmitOptions.onQueue(JAR_QUEUE);
            plain.submit(new ShippedPrimeSum(1000), toJar).await(WAIT);
            StringBuilder rounds = new StringBuilder();
            for (int round = 0; round < 3; round++) {
                double shipped = perTask(t -> client.submit(t));
                double jar = perTask(t -> plain.submit(t, toJar));
                rounds.append(
                        String.format(
                                " round %d: cached bundle %.3f ms, jar %.3f ms;",
                                round, shipped, jar));
            }
            System.out.printf(
                    "FIGURES first result on a cold worker %d ms; second %d ms;%s%n",
                    (first - start) / 1_000_000, (second - first) / 1_000_000, rounds);
        }
    }

    /** Mean milliseconds per task over 400 tasks, 32 in flight. */
    private static double perTask(
            java.util.function.Function<ShippedPrimeSum, dev.warren.client.TaskHandle<Long>> submit)
            throws Exception {
        int n = 400;
        long start = System.nanoTime();
        List<dev.warren.client.TaskHandle<Long>> inFlight = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inFlight.add(submit.apply(new ShippedPrimeSum(1000)));
            if (inFlight.size() == 32) {
                for (var h : inFlight) {
                    h.await(WAIT);
                }
                inFlight.clear();
            }
        }
        for (var h : inFlight) {
            h.await(WAIT);
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    @Test
    void aWorkerWithoutAcceptCodeRefusesAShippedTaskSayingHowToEnableIt() throws Exception {
        fleet.add(ItWorkers.start(test, 1, QUEUE));

        assertThatThrownBy(() -> client.submit(new ShippedPrimeSum(10)).await(WAIT))
                .isInstanceOf(TaskRefusedException.class)
                .satisfies(
                        e ->
                                assertThat(((TaskRefusedException) e).reason())
                                        .isEqualTo(TaskRefusedException.Reason.CODE_NOT_ACCEPTED))
                .hasMessageContaining("--accept-code");
        await().atMost(WAIT).until(() -> Queues.depth(test, Topology.deadLetterQueue(QUEUE)) == 1);
    }

    @Test
    void aTamperedBundleIsDeadLetteredAndTheWorkerRunsOn() throws Exception {
        SignedBundle good = seal(bundle());
        byte[] tampered = good.bytes().clone();
        tampered[tampered.length - 1] ^= 1;
        put(tampered, Map.of(Headers.KEY_ID, good.keyId(), Headers.SIGNATURE, good.signature()));
        JvmProcess worker = codeWorker();

        assertRefusedAsBundle(worker);
    }

    @Test
    void anUnsignedBundleIsDeadLetteredAndTheWorkerRunsOn() throws Exception {
        replaceAfterTheProducersPut(seal(bundle()).bytes(), Map.of());
        JvmProcess worker = codeWorker();

        assertRefusedAsBundle(worker);
    }

    @Test
    void aCopySignedWithAKeyTheWorkersNoLongerAcceptIsReplacedByTheProducersOwn() throws Exception {
        SignedBundle retired =
                new BundleSeal(
                                HmacSigner.of(
                                        SigningKeys.parse(
                                                SigningKeys.generate("retired"), "retired key")),
                                1 << 24)
                        .seal(bundle());
        put(
                retired.bytes(),
                Map.of(Headers.KEY_ID, retired.keyId(), Headers.SIGNATURE, retired.signature()));
        codeWorker();

        assertThat(client.submit(new ShippedPrimeSum(10)).await(WAIT)).isEqualTo(17L);
    }

    @Test
    void anOversizedBundleIsDeadLetteredAndTheWorkerRunsOn() throws Exception {
        int size = seal(bundle()).bytes().length;
        JvmProcess worker =
                codeWorker("--max-bundle-bytes", Integer.toString(Math.max(1024, size - 1)));

        assertRefusedAsBundle(worker);
        assertThat(worker.outputText()).contains("more than the bundle limit");
    }

    private void assertRefusedAsBundle(JvmProcess worker) throws Exception {
        assertThatThrownBy(() -> client.submit(new ShippedPrimeSum(10)).await(WAIT))
                .isInstanceOf(TaskRefusedException.class)
                .satisfies(
                        e ->
                                assertThat(((TaskRefusedException) e).reason())
                                        .isEqualTo(TaskRefusedException.Reason.BUNDLE_REFUSED));
        await().atMost(WAIT).until(() -> Queues.depth(test, Topology.deadLetterQueue(QUEUE)) == 1);
        assertThat(worker.isAlive()).isTrue();
        assertThat(Files.list(cache).count()).as("nothing unverified is kept").isZero();
    }

    private SignedBundle seal(Bundle bundle) {
        return new BundleSeal(HmacSigner.of(test.config().build().signingKeys()), 1 << 24)
                .seal(bundle);
    }

    /**
     * Puts a bundle on the broker first. The producer's own put leaves it there when it carries the
     * producer's signature headers, and replaces it otherwise.
     */
    private void put(byte[] body, Map<String, Object> headers) {
        BrokerLink.of(broker).bundles().putOnce(BundleSeal.address(bundle().hash()), body, headers);
    }

    /**
     * Lets the producer put its bundle (with a task no worker takes, dropped again), then puts this
     * copy in the bundle's place, as someone with access to the broker could.
     */
    private void replaceAfterTheProducersPut(byte[] body, Map<String, Object> headers)
            throws Exception {
        String work = Topology.workQueue(QUEUE);
        client.submit(new ShippedPrimeSum(10));
        await().atMost(WAIT).until(() -> Queues.depth(test, work) == 1);
        String address = BundleSeal.address(bundle().hash());
        try (com.rabbitmq.client.Connection connection = test.rawConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queuePurge(work);
            channel.queuePurge(address);
            channel.basicPublish(
                    "",
                    address,
                    new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .headers(headers)
                            .build(),
                    body);
        }
    }
}
