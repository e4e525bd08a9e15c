package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.client.TaskHandle;
import dev.warren.client.TaskTimeoutException;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Headers;
import dev.warren.it.tasks.Flaky;
import dev.warren.it.tasks.ItCatalog;
import dev.warren.it.tasks.NotRetryable;
import dev.warren.it.tasks.Sleepy;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WarrenTest
class RetryAndTimeoutIT {
    private Broker broker;
    private TaskClient client;
    private Worker worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        Queues.reset(test, "it-flaky", "it-timeout");
        broker = Broker.connect(test.config().catalog(new ItCatalog()).build());
        client = new TaskClient(broker);
        worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues("it-flaky", "it-timeout")
                                .concurrency(2)
                                .build());
    }

    @AfterEach
    void stop() {
        worker.close();
        client.close();
        broker.close();
    }

    @Test
    void failingTaskIsRetriedThroughTheDelayQueueUntilItSucceeds() {
        TaskHandle<Integer> handle = client.submit(new Flaky(3));

        assertThat(handle.await(Duration.ofSeconds(30)))
                .as("the attempt that succeeded")
                .isEqualTo(3);
        assertThat(worker.stats().retried()).isEqualTo(2);
    }

    @Test
    void taskFailingOnItsLastAttemptFailsTheCallerAndIsDeadLetteredWithItsHistory(TestBroker test)
            throws Exception {
        TaskHandle<Integer> handle = client.submit(new Flaky(99));

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.attempt()).isEqualTo(3);
                            assertThat(e.maxAttempts()).isEqualTo(3);
                            assertThat(e.remoteMessage()).isEqualTo("attempt 3 fails on purpose");
                        });
        String dead = Topology.deadLetterQueue("it-flaky");
        await().atMost(Duration.ofSeconds(10)).until(() -> Queues.depth(test, dead) == 1);
        GetResponse letter = Queues.drain(test, dead).get(0);
        assertThat(letter.getProps().getHeaders().get(Headers.ATTEMPT)).isEqualTo(3);
        assertThat(letter.getProps().getHeaders().get(Headers.DEAD_REASON)).hasToString("FAILED");
        assertThat(letter.getProps().getHeaders().get(Headers.DEAD_DETAIL).toString())
                .contains("attempt 3 fails on purpose");
    }

    @Test
    void nonRetryableExceptionFailsAtOnce() {
        TaskHandle<String> handle = client.submit(new NotRetryable("bad input"));

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.attempt()).isEqualTo(1);
                            assertThat(e.maxAttempts()).isEqualTo(5);
                            assertThat(e.remoteType())
                                    .isEqualTo(IllegalArgumentException.class.getName());
                        });
        assertThat(worker.stats().retried()).isZero();
    }

    @Test
    void taskRunningPastItsTimeoutIsInterruptedAndFails() {
        TaskHandle<String> handle = client.submit(new Sleepy(30_000));

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.remoteType()).isEqualTo(TimeoutException.class.getName());
                            assertThat(e.remoteMessage()).contains("timeout of 1s");
                        });
    }

    @Test
    void awaitingWithADeadlineFailsWithTaskTimeoutException() {
        TaskHandle<String> handle = client.submit(new Sleepy(800));

        assertThatThrownBy(() -> handle.await(Duration.ofMillis(100)))
                .isInstanceOf(TaskTimeoutException.class)
                .hasMessageContaining(handle.id().toString());
        assertThat(handle.await(Duration.ofSeconds(20)))
                .as("the task itself goes on")
                .isEqualTo("woke up");
    }

    @Test
    void delayQueuesRouteRetriesBackToTheWorkQueue(TestBroker test) throws Exception {
        client.submit(new Flaky(2)).await(Duration.ofSeconds(30));

        List<String> delay = List.of(Topology.delayQueue("it-flaky", Duration.ofMillis(100)));
        assertThat(test.rabbitmqctl("list_queues", "name", "arguments")).contains(delay.get(0));
    }
}
