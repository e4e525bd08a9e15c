package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.transport.Topology;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.Echo;
import dev.warren.it.tasks.Slow;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workers as separate JVMs started from the worker-cli jar, as they run on other hosts. */
@WarrenTest
class WorkerProcessIT {
    private TestBroker test;
    private Broker broker;
    private TaskClient client;
    private final List<JvmProcess> workers = new ArrayList<>();

    @BeforeEach
    void start(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, "it-echo", "it-slow");
        broker = Broker.connect(test.config().build());
        client = new TaskClient(broker);
    }

    @AfterEach
    void stop() throws Exception {
        for (JvmProcess worker : workers) {
            worker.close();
        }
        client.close();
        broker.close();
    }

    private JvmProcess worker(int concurrency, String... queues) throws Exception {
        JvmProcess worker = ItWorkers.start(test, concurrency, queues);
        workers.add(worker);
        return worker;
    }

    @Test
    void workerProcessStartedFromTheCliJarRunsSubmittedTasks() throws Exception {
        worker(2, "it-echo");

        assertThat(client.submit(new Echo("from another JVM")).await(Duration.ofSeconds(30)))
                .isEqualTo("from another JVM");
    }

    @Test
    void noTaskIsLostWhenAWorkerIsKilledInTheMiddleOfABatch() throws Exception {
        JvmProcess first = worker(2, "it-slow");
        List<TaskHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            handles.add(client.submit(new Slow(i, 100)));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> handles.stream().filter(h -> h.result().isDone()).count() >= 10);

        first.kill();
        long doneWhenKilled = handles.stream().filter(h -> h.result().isDone()).count();
        assertThat(doneWhenKilled).as("the kill came mid-batch").isLessThan(60);
        worker(2, "it-slow");

        for (int i = 0; i < handles.size(); i++) {
            assertThat(handles.get(i).await(Duration.ofSeconds(60))).isEqualTo(i);
        }
        assertThat(Queues.depth(test, Topology.workQueue("it-slow"))).isZero();
        assertThat(Queues.depth(test, Topology.deadLetterQueue("it-slow"))).isZero();
    }

    @Test
    void sigtermDrainsTasksInFlightAndExitsZero() throws Exception {
        JvmProcess worker = worker(2, "it-slow");
        List<TaskHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            handles.add(client.submit(new Slow(i, 2000)));
        }
        String work = Topology.workQueue("it-slow");
        await().atMost(Duration.ofSeconds(30)).until(() -> Queues.depth(test, work) == 4);

        int exitCode = ItWorkers.terminate(worker, Duration.ofSeconds(60));

        assertThat(exitCode).isZero();
        // their replies were confirmed before the exit; reaching this client takes a moment more
        await().atMost(Duration.ofSeconds(10))
                .until(() -> handles.stream().filter(h -> h.result().isDone()).count() == 2);
        for (TaskHandle<Integer> handle : handles.subList(0, 2)) {
            assertThat(handle.result())
                    .as("the two running tasks finished and replied")
                    .isCompleted();
        }
        assertThat(Queues.depth(test, work))
                .as("the others wait in the queue for the next worker")
                .isEqualTo(4);

        worker(2, "it-slow");
        for (int i = 0; i < handles.size(); i++) {
            assertThat(handles.get(i).await(Duration.ofSeconds(60))).isEqualTo(i);
        }
    }
}
