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
import dev.warren.it.tasks.NotRetryable;
import dev.warren.it.tasks.RetryTimes;
import dev.warren.it.tasks.Sleepy;
import dev.warren.it.tasks.Slow;
import dev.warren.it.tasks.Stubborn;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WarrenTest
class RetryAndTimeoutIT {
    /** The worker's default {@code timeoutGrace}, which this test's worker keeps. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /** Time for the reply to travel, and for a busy 2-core machine. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private Broker broker;
    private TaskClient client;
    private Worker worker;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        Queues.reset(test, "it-flaky", "it-timeout", "it-stuck", "it-slow");
        broker = Broker.connect(test.config().build());
        client = new TaskClient(broker);
        worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues("it-flaky", "it-timeout", "it-stuck", "it-slow")
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
    void retriesWaitAtLeastTheirDelayDoublingPerAttempt() {
        TaskHandle<Integer> handle = client.submit(new RetryTimes("measured"));

        assertThat(handle.await(Duration.ofSeconds(30))).isEqualTo(3);
        List<Long> starts = RetryTimes.STARTS.get(handle.id());
        assertThat(starts).hasSize(3);
        long firstDelay = TimeUnit.NANOSECONDS.toMillis(starts.get(1) - starts.get(0));
        long secondDelay = TimeUnit.NANOSECONDS.toMillis(starts.get(2) - starts.get(1));
        assertThat(firstDelay).as("ms before attempt 2").isBetween(500L, 500L + 5_000);
        assertThat(secondDelay).as("ms before attempt 3").isBetween(1_000L, 1_000L + 5_000);
    }

    @Test
    void taskIgnoringInterruptionFailsTheCallerAtItsTimeoutPlusGraceAndFreesItsSlot(TestBroker test)
            throws Exception {
        long start = System.nanoTime();
        TaskHandle<String> stuck = client.submit(new Stubborn(10_000));

        assertThatThrownBy(() -> stuck.await(Duration.ofSeconds(1).plus(GRACE).plus(MARGIN)))
                .as("the caller learns of the timeout long before the task ends")
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.remoteType()).isEqualTo(TimeoutException.class.getName());
                            assertThat(e.remoteMessage())
                                    .contains("timeout of 1s", "its thread was abandoned");
                        });
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(worker.stats().stuck()).isEqualTo(1);
        assertThat(worker.stats().inFlight()).isZero();
        String dead = Topology.deadLetterQueue("it-stuck");
        await().atMost(Duration.ofSeconds(10)).until(() -> Queues.depth(test, dead) == 1);
        assertThat(Queues.drain(test, dead).get(0).getProps().getHeaders())
                .extractingByKey(Headers.DEAD_DETAIL)
                .asString()
                .contains("TimeoutException");
    }

    @Test
    void withTwoThreadsStuckTheWorkerStillRunsTwoTasksAtOnce() {
        TaskHandle<String> first = client.submit(new Stubborn(10_000));
        TaskHandle<String> second = client.submit(new Stubborn(10_000));
        Duration failBy = Duration.ofSeconds(1).plus(GRACE).plus(MARGIN);
        assertThatThrownBy(() -> first.await(failBy)).isInstanceOf(TaskFailedException.class);
        assertThatThrownBy(() -> second.await(failBy)).isInstanceOf(TaskFailedException.class);
        assertThat(worker.stats().stuck()).isEqualTo(2);

        long start = System.nanoTime();
        TaskHandle<Integer> a = client.submit(new Slow(1, 2_000));
        TaskHandle<Integer> b = client.submit(new Slow(2, 2_000));

        assertThat(a.await(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(b.await(Duration.ofSeconds(10))).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("side by side, not one after the other (4 s)")
                .isLessThan(Duration.ofMillis(3_500));
        assertThat(worker.stats().stuck()).as("the stuck ones still run").isEqualTo(2);
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
