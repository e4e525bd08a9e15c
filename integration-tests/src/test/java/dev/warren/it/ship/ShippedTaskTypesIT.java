package dev.warren.it.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Broker;
import dev.warren.ShipOptions;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskRefusedException;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What shipped code may do beyond returning a JDK value, on workers started from the worker jar
 * alone: return a type of its own, with the producer's explicit Kryo id; find its own files through
 * the context class loader; be shipped by its annotation alone; submit tasks of its bundle.
 */
@WarrenTest
class ShippedTaskTypesIT {
    private static final String QUEUE = "it-shipped-types";
    private static final String PARTS_QUEUE = "it-shipped-parts";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SUM_BELOW_1000 = 76127L;

    private TestBroker test;
    private ShippedFleet fleet;
    private Broker broker;
    private TaskClient client;
    @TempDir Path cache;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, QUEUE, PARTS_QUEUE);
    }

    /** A producer with {@code config}, and the fleet that deletes its bundles of these classes. */
    private void produceWith(WarrenConfig config, Class<?>... taskClasses) throws Exception {
        fleet = new ShippedFleet(test, config, taskClasses);
        broker = Broker.connect(config);
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
            client.close();
            broker.close();
        }
        Queues.reset(test, QUEUE, PARTS_QUEUE);
    }

    private WarrenConfig shippingEverything() {
        return test.config().shipCode(ShipOptions.on()).build();
    }

    @Test
    void aTaskReturningARecordThatOnlyItsBundleHasGetsItBack() throws Exception {
        produceWith(shippingEverything(), ReportsPrimes.class);
        fleet.codeWorker(QUEUE, 2, cache);

        assertThat(client.submit(new ReportsPrimes(1000)).await(WAIT))
                .isEqualTo(new PrimeReport(SUM_BELOW_1000, 168));
    }

    @Test
    void theProducersExplicitKryoIdOfAShippedResultTravelsWithTheBundle() throws Exception {
        produceWith(
                test.config().shipCode(ShipOptions.on()).register(PrimeReport.class, 4242).build(),
                ReportsPrimes.class);
        JvmProcess worker = fleet.codeWorker(QUEUE, 2, cache);

        assertThat(client.submit(new ReportsPrimes(100)).await(WAIT))
                .as(worker.outputText())
                .isEqualTo(new PrimeReport(1060, 25));
    }

    @Test
    void shippedCodeFindsItsOwnFilesThroughTheContextClassLoader() throws Exception {
        produceWith(shippingEverything(), ReadsItsResource.class);
        fleet.codeWorker(QUEUE, 2, cache);

        assertThat(client.submit(new ReadsItsResource("greeting.txt")).await(WAIT))
                .isEqualTo("shipped with the task");
    }

    @Test
    void aTaskClassAnnotatedShipCodeIsShippedWithoutShippingInTheConfig() throws Exception {
        produceWith(test.config().build(), AnnotatedPrimeSum.class);
        fleet.codeWorker(QUEUE, 2, cache);

        assertThat(client.submit(new AnnotatedPrimeSum(1000)).await(WAIT))
                .isEqualTo(SUM_BELOW_1000);
        assertThatThrownBy(
                        () ->
                                client.submit(
                                                new ShippedPrimeSum(10),
                                                dev.warren.client.SubmitOptions.onQueue(QUEUE))
                                        .await(WAIT))
                .as("a class without the annotation travels without its code")
                .isInstanceOf(TaskRefusedException.class);
    }

    @Test
    void tasksThatAShippedTaskSubmitsOnItsWorkerTravelInItsBundle(@TempDir Path partsCache)
            throws Exception {
        produceWith(shippingEverything(), FansOut.class);
        JvmProcess parent = fleet.codeWorker(QUEUE, 2, cache, "--task-client");
        JvmProcess parts = fleet.codeWorker(PARTS_QUEUE, 2, partsCache);

        assertThat(client.submit(new FansOut(List.of(10, 100, 1000), PARTS_QUEUE)).await(WAIT))
                .as(parent.outputText() + parts.outputText())
                .isEqualTo(17L + 1060L + SUM_BELOW_1000);
        assertThat(ShippedFleet.fetches(parts))
                .as("the parts' code is the parent's bundle, fetched once")
                .isEqualTo(1);
    }
}
