package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.MapOptions;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.it.tasks.Echo;
import dev.warren.ops.QueueStats;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task sent to another queue than its {@code @TaskOptions} one is signed for that queue and run
 * by a worker consuming it.
 */
@WarrenTest
class QueueOverrideIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void submitEnqueueAndMapReachAWorkerOnTheQueueAskedFor(TestBroker test) throws Exception {
        String urgent = test.uniqueName("it-echo-urgent");
        Queues.reset(test, "it-echo");
        try (Broker broker = Broker.connect(test.config().build());
                Worker worker = Worker.start(broker, WorkerConfig.custom().queues(urgent).build());
                TaskClient client = new TaskClient(broker)) {
            SubmitOptions toUrgent = SubmitOptions.onQueue(urgent);

            assertThat(client.submit(new Echo("now"), toUrgent).await(WAIT)).isEqualTo("now");
            client.enqueue(new Echo("later"), toUrgent);
            await().atMost(WAIT).until(() -> worker.stats().succeeded() == 2);
            assertThat(
                            client.map(
                                            List.of(new Echo("a"), new Echo("b")),
                                            MapOptions.custom().onQueue(urgent).build())
                                    .get())
                    .containsExactly("a", "b");

            assertThat(QueueStats.ofWorkQueue(broker, "it-echo").ready()).isZero();
            assertThat(worker.stats().rejected()).isZero();
        }
    }

    @Test
    void withoutTheOverrideTheTaskStaysOnItsOwnQueue(TestBroker test) throws Exception {
        String other = test.uniqueName("it-echo-other");
        Queues.reset(test, "it-echo");
        try (Broker broker = Broker.connect(test.config().build());
                Worker worker = Worker.start(broker, WorkerConfig.custom().queues(other).build());
                TaskClient client = new TaskClient(broker)) {
            client.enqueue(new Echo("mine"));

            await().atMost(WAIT)
                    .until(() -> QueueStats.ofWorkQueue(broker, "it-echo").ready() == 1);
            assertThat(worker.stats().succeeded()).isZero();
        }
        Queues.reset(test, "it-echo");
    }
}
