package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Broker;
import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.client.TaskClient;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.PlanTrip;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker process started from the worker jar with only {@code --classpath}, no catalog and no
 * ids: it finds its task classes there, and the producer registers its own at submit.
 */
@WarrenTest
class TypesWithoutRegistrationIT {
    private static final String QUEUE = "it-trips";

    /** Not annotated, so no worker's scan finds it; its result cannot travel. */
    record SpawnThread(String name) implements Task<Thread> {
        @Override
        public Thread run(TaskContext context) {
            return new Thread(name);
        }
    }

    private Broker broker;
    private TaskClient client;
    private JvmProcess worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        Queues.reset(test, QUEUE);
        broker = Broker.connect(test.config().build());
        client = new TaskClient(broker);
        worker = ItWorkers.start(test, 1, QUEUE);
    }

    @AfterEach
    void stop() {
        worker.close();
        client.close();
        broker.close();
    }

    @Test
    void aRecordOfJdkValuesRunsOnAWorkerProcessAndItsResultRecordComesBack() {
        Instant departure = Instant.parse("2026-12-24T08:00:00Z");
        PlanTrip trip =
                new PlanTrip(
                        UUID.randomUUID(),
                        departure,
                        Duration.ofDays(3),
                        LocalDate.of(2026, 12, 2),
                        ZonedDateTime.of(2026, 12, 24, 9, 0, 0, 0, ZoneId.of("Europe/Paris")),
                        new BigDecimal("850.50"),
                        Optional.of("window seat"),
                        List.of("Lyon", "Turin"),
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                        URI.create("https://example.com/trip"));

        PlanTrip.Plan plan = client.submit(trip).await(Duration.ofSeconds(60));

        assertThat(plan.verdict()).isEqualTo(PlanTrip.Verdict.AFFORDABLE);
        assertThat(plan.stops()).containsExactly("Lyon", "Turin");
        assertThat(plan.returnAt()).isEqualTo(departure.plus(Duration.ofDays(3)));
        assertThat(plan.nights()).isEqualTo(Map.of("Lyon", 2, "Turin", 2));
    }

    @Test
    void aLambdaIsRefusedAtSubmitSayingToWriteARecord() {
        Task<String> lambda = context -> "never runs";

        assertThatThrownBy(() -> client.submit(lambda))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "is a lambda/anonymous class: write a record implementing Task");
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void aResultTypeThatCannotTravelIsRefusedAtSubmitNamingIt() {
        assertThatThrownBy(() -> client.submit(new SpawnThread("t")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(SpawnThread.class.getName())
                .hasMessageContaining("its result type holds java.lang.Thread");
        assertThatThrownBy(() -> client.enqueue(new SpawnThread("t")))
                .isInstanceOf(ConfigurationException.class);
    }
}
