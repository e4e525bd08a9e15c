package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.client.TaskHandle;
import dev.warren.internal.transport.Topology;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.Slow;
import dev.warren.it.tasks.Stubborn;
import dev.warren.ops.QueueStats;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Threads stuck in tasks that ignore interruption are never got back: past {@code maxStuckTasks} of
 * them a worker drains and stops with a failure, and a worker process exits non-zero saying why, so
 * that its supervisor starts a new one.
 */
@WarrenTest
class StuckTasksIT {
    private static final String STOPPED_BECAUSE =
            "the worker stopped: 2 task threads are stuck in tasks that ignored interruption past"
                    + " their timeout, more than maxStuckTasks (1)";

    private Broker broker;
    private TaskClient client;

    @BeforeEach
    void start(TestBroker test) throws Exception {
        Queues.reset(test, "it-stuck", "it-slow");
        broker = Broker.connect(test.config().build());
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
    }

    @Test
    void pastItsStuckLimitAWorkerFinishesWhatRunsStopsTakingWorkAndSaysWhy(TestBroker test)
            throws Exception {
        Worker worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues("it-stuck", "it-slow")
                                .concurrency(3)
                                .maxStuckTasks(1)
                                .timeoutGrace(Duration.ofMillis(500))
                                .build());
        try {
            TaskHandle<Integer> running = client.submit(new Slow(7, 5_000));
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().inFlight() == 1);
            TaskHandle<String> first = client.submit(new Stubborn(15_000));
            TaskHandle<String> second = client.submit(new Stubborn(15_000));
            assertThatThrownBy(() -> first.await(Duration.ofSeconds(5)))
                    .isInstanceOf(TaskFailedException.class);
            assertThatThrownBy(() -> second.await(Duration.ofSeconds(5)))
                    .isInstanceOf(TaskFailedException.class);

            CompletableFuture<Throwable> shutdown = awaitShutdownOf(worker);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> QueueStats.ofWorkQueue(broker, "it-slow").consumers() == 0);
            client.submit(new Slow(8, 10));

            assertThat(running.await(Duration.ofSeconds(10)))
                    .as("the task running when the limit passed finishes")
                    .isEqualTo(7);
            assertThat(shutdown.get(15, TimeUnit.SECONDS))
                    .isInstanceOf(WarrenException.class)
                    .hasMessageContaining(STOPPED_BECAUSE);
            assertThat(worker.failure()).isPresent();
            assertThat(Queues.depth(test, Topology.workQueue("it-slow")))
                    .as("the task submitted after the limit passed waits for another worker")
                    .isEqualTo(1);
        } finally {
            worker.close();
        }
    }

    @Test
    void aClosedWorkerLeavesNoThreadOfItsOwnRunning() throws Exception {
        Set<Thread> before = workerThreads();
        Worker worker =
                Worker.start(
                        broker, WorkerConfig.custom().queues("it-slow").concurrency(4).build());
        List<TaskHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            handles.add(client.submit(new Slow(i, 20)));
        }
        for (TaskHandle<Integer> handle : handles) {
            handle.await(Duration.ofSeconds(30));
        }
        assertThat(workerThreads())
                .as("the worker runs its tasks on threads")
                .hasSizeGreaterThan(before.size());

        worker.close();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                assertThat(workerThreads())
                                        .as("threads started by the closed worker")
                                        .isSubsetOf(before));
    }

    private static Set<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(
                        t ->
                                t.getName().startsWith("warren-worker-")
                                        || t.getName().startsWith("warren-task-"))
                .collect(Collectors.toSet());
    }

    @Test
    void aForcedStopGivesBackTheMessagesOfTasksWhetherTheyHeedInterruptionOrNot(TestBroker test)
            throws Exception {
        Worker worker =
                Worker.start(
                        broker,
                        WorkerConfig.custom()
                                .queues("it-stuck", "it-slow")
                                .concurrency(2)
                                .shutdownTimeout(Duration.ZERO)
                                .timeoutGrace(Duration.ofMillis(500))
                                .build());
        client.enqueue(new Stubborn(10_000));
        client.enqueue(new Slow(1, 30_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().inFlight() == 2);

        worker.close();

        assertThat(worker.failure()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            assertThat(Queues.depth(test, Topology.workQueue("it-stuck")))
                                    .isEqualTo(1);
                            assertThat(Queues.depth(test, Topology.workQueue("it-slow")))
                                    .isEqualTo(1);
                        });
        assertThat(Queues.depth(test, Topology.deadLetterQueue("it-stuck"))).isZero();
    }

    @Test
    void aWorkerProcessPastItsStuckLimitExitsOneNamingTheCause(TestBroker test) throws Exception {
        try (JvmProcess worker =
                ItWorkers.launcher(test, 2, "it-stuck")
                        .options("--max-stuck-tasks", "1", "--timeout-grace", "0.5")
                        .start()) {
            TaskHandle<String> first = client.submit(new Stubborn(60_000));
            TaskHandle<String> second = client.submit(new Stubborn(60_000));
            assertThatThrownBy(() -> first.await(Duration.ofSeconds(10)))
                    .isInstanceOf(TaskFailedException.class);
            assertThatThrownBy(() -> second.await(Duration.ofSeconds(10)))
                    .isInstanceOf(TaskFailedException.class);

            assertThat(worker.awaitExit(Duration.ofSeconds(30)))
                    .as("exit code, while its stuck tasks would run a minute more")
                    .isEqualTo(1);
            assertThat(worker.outputText()).contains("warren-worker: " + STOPPED_BECAUSE);
        }
    }

    private static CompletableFuture<Throwable> awaitShutdownOf(Worker worker) {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter =
                new Thread(
                        () -> {
                            try {
                                worker.awaitShutdown();
                                ended.complete(null);
                            } catch (Throwable e) {
                                ended.complete(e);
                            }
                        });
        waiter.setDaemon(true);
        waiter.start();
        return ended;
    }
}
