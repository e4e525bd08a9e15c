package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.client.TaskHandle;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Headers;
import dev.warren.it.tasks.Boom;
import dev.warren.it.tasks.Echo;
import dev.warren.it.tasks.Square;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WarrenTest
class TaskRoundTripIT {
    private Broker broker;
    private TaskClient client;
    private Worker worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        Queues.reset(test, "it-echo", "it-square", "it-boom");
        broker = Broker.connect(test.config().build());
        client = new TaskClient(broker);
        worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues("it-echo", "it-square", "it-boom")
                                .concurrency(4)
                                .prefetch(100)
                                .build());
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (client != null) {
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void submittedTaskCompletesTheFutureWithItsResult() {
        TaskHandle<String> handle = client.submit(new Echo("hello"));

        assertThat(handle.await(Duration.ofSeconds(30))).isEqualTo("hello");
        assertThat(handle.id()).isNotNull();
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void enqueuedTaskRunsWithoutAReply() {
        long before = worker.stats().succeeded();

        TaskId id = client.enqueue(new Echo("fire and forget"));

        assertThat(id).isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.stats().succeeded() == before + 1);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void mapOfTenThousandTasksReturnsEveryResultInInputOrder() {
        int n = 10_000;
        List<Square> tasks = IntStream.range(0, n).mapToObj(Square::new).toList();
        AtomicLong lastProgress = new AtomicLong();
        AtomicLong reportedTotal = new AtomicLong();

        List<Integer> results =
                client.map(
                                tasks,
                                MapOptions.custom()
                                        .window(500)
                                        .onProgress(
                                                (done, total) -> {
                                                    lastProgress.accumulateAndGet(done, Math::max);
                                                    reportedTotal.set(total);
                                                })
                                        .build())
                        .orTimeout(120, java.util.concurrent.TimeUnit.SECONDS)
                        .join();

        assertThat(results).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(results.get(i)).isEqualTo(i * i);
        }
        assertThat(lastProgress.get()).isEqualTo(n);
        assertThat(reportedTotal.get()).isEqualTo(n);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void mapFailsWithTheFirstRemoteFailure() {
        List<dev.warren.Task<String>> tasks =
                List.of(new Echo("a"), new Boom("third fails"), new Echo("c"));

        assertThatThrownBy(() -> client.map(tasks).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("third fails");
    }

    @Test
    void taskThatThrowsFailsTheFutureWithTheRemoteTypeMessageTraceAndAttempt(TestBroker test)
            throws Exception {
        TaskHandle<String> handle = client.submit(new Boom("disk full"));

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.taskId()).isEqualTo(handle.id());
                            assertThat(e.remoteType())
                                    .isEqualTo(IllegalStateException.class.getName());
                            assertThat(e.remoteMessage()).isEqualTo("disk full");
                            assertThat(e.remoteStackTrace()).contains("Boom.run");
                            assertThat(e.attempt()).isEqualTo(1);
                            assertThat(e.maxAttempts()).isEqualTo(1);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Task Boom "
                                                    + handle.id()
                                                    + " failed on attempt 1 of 1:"
                                                    + " java.lang.IllegalStateException: disk full");
                        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Queues.depth(test, Topology.deadLetterQueue("it-boom")) == 1);
        GetResponse dead = Queues.drain(test, Topology.deadLetterQueue("it-boom")).get(0);
        assertThat(dead.getProps().getMessageId()).isEqualTo(handle.id().toString());
        assertThat(dead.getProps().getHeaders().get(Headers.DEAD_REASON).toString())
                .isEqualTo("FAILED");
        assertThat(dead.getProps().getHeaders().get(Headers.LAST_ERROR).toString())
                .contains("disk full");
    }
}
