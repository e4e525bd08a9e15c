package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.spring.StarterTestApplication.Greet;
import dev.warren.spring.StarterTestApplication.Greeter;
import dev.warren.sync.Coordinator;
import dev.warren.testing.Queues;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Spring Boot application against a real broker, through a {@link TcpProxy} so
 * that the test can take the connection away. The methods run in order: the last one cuts the
 * connection. The proxy stays open (its threads are daemons): the application closes after the
 * class, through it.
 */
@WarrenTest
@SpringBootTest(classes = StarterTestApplication.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarrenStarterIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestBroker testBroker;
    private static TcpProxy proxy;

    @Autowired TaskClient client;
    @Autowired Broker broker;
    @Autowired Coordinator coordinator;
    @Autowired Greeter greeter;
    @Autowired MeterRegistry meters;
    @Autowired WarrenHealthIndicator health;
    @Autowired WarrenWorkers workers;

    /** Runs before the application starts: the properties below read what it sets. */
    @BeforeAll
    static void broker(TestBroker broker) throws Exception {
        testBroker = broker;
        Queues.reset(broker, StarterTestApplication.QUEUE);
        proxy = TcpProxy.to(broker.uri());
    }

    @DynamicPropertySource
    static void warrenProperties(DynamicPropertyRegistry properties) {
        properties.add("warren.broker.uri", () -> proxy.uri(testBroker.uri()));
        properties.add("warren.keys", () -> testBroker.keysText());
        properties.add("warren.connection-name", () -> testBroker.uniqueName("spring-starter"));
        properties.add("warren.worker.queues", () -> StarterTestApplication.QUEUE);
        properties.add("warren.worker.concurrency", () -> "2");
        properties.add("greeter.salutation", () -> "Hello from a Spring bean");
        // so that only meters registered with the context's registry itself are found there
        properties.add("management.metrics.use-global-registry", () -> "false");
    }

    @Test
    @Order(1)
    void aSubmittedTaskRunsInTheStartedWorkerAndItsCodeUsesASpringBean() {
        String greeting = client.submit(new Greet("Ada", 0)).await(WAIT);

        assertThat(greeting).isEqualTo("Hello from a Spring bean, Ada");
        assertThat(greeter.greeted).hasPositiveValue();
        assertThat(workers.worker()).get().extracting(w -> w.stats().succeeded()).isEqualTo(1L);
    }

    @Test
    @Order(2)
    void theClientsAndTheWorkersMetersAreInTheApplicationsRegistry() {
        client.submit(new Greet("Grace", 0)).await(WAIT);

        assertThat(
                        meters.get("warren.tasks.submitted")
                                .tag("queue", StarterTestApplication.QUEUE)
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(1);
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(
                                                meters.get("warren.tasks.succeeded")
                                                        .tag("queue", StarterTestApplication.QUEUE)
                                                        .counter()
                                                        .count())
                                        .isGreaterThanOrEqualTo(1));
    }

    @Test
    @Order(3)
    void theHealthIsUpWhileConnectedAndConsuming() {
        Health up = health.health();

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsKey("tasks");
        assertThat(coordinator.isOpen()).isTrue();
    }

    @Test
    @Order(4)
    void theHealthIsDownWithTheReasonWhenTheConnectionIsLost() throws Exception {
        proxy.stop();

        await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat(health.health().getDetails().get("reason").toString())
                .contains("are down; they recover by themselves");

        proxy.start();
        await().atMost(WAIT).until(broker::isConnected);
        // the task connections came back, and the coordinator made a new connection of its own
        await().atMost(WAIT).until(coordinator::isOpen);
        assertThat(coordinator.reconnectCount()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
