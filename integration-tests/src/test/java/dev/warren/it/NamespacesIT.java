package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.it.tasks.Echo;
import dev.warren.ops.QueueStats;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerRoster;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two namespaces on one broker share no queue, no heartbeat and no coordination primitive. */
@WarrenTest
class NamespacesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Broker connect(TestBroker test, String namespace) {
        return Broker.connect(
                test.config()
                        .namespace(namespace)
                        .connectionName("namespaces-it-" + namespace)
                        .build());
    }

    @Test
    void aWorkerInOneNamespaceNeverTakesATaskOfAnother(TestBroker test) throws Exception {
        String a = test.uniqueName("nsa");
        String b = test.uniqueName("nsb");
        try (Broker brokerA = connect(test, a);
                Broker brokerB = connect(test, b);
                Worker workerA =
                        Worker.start(
                                brokerA,
                                WorkerConfig.custom()
                                        .queues("it-echo")
                                        .heartbeatInterval(Duration.ofMillis(200))
                                        .build());
                TaskClient clientA = new TaskClient(brokerA);
                TaskClient clientB = new TaskClient(brokerB)) {
            TaskHandle<String> ofB = clientB.submit(new Echo("for b"));
            assertThat(clientA.submit(new Echo("for a")).await(WAIT)).isEqualTo("for a");

            await().atMost(WAIT)
                    .until(() -> QueueStats.ofWorkQueue(brokerB, "it-echo").ready() == 1);
            assertThat(QueueStats.ofWorkQueue(brokerB, "it-echo").name())
                    .isEqualTo("warren@" + b + ".it-echo");
            assertThat(workerA.stats().succeeded()).isEqualTo(1);
            assertThat(ofB.result()).isNotDone();

            assertThat(WorkerRoster.collect(brokerB, Duration.ofMillis(800))).isEmpty();
            List<WorkerHeartbeat> seenByA = WorkerRoster.collect(brokerA, Duration.ofMillis(800));
            assertThat(seenByA).isNotEmpty();

            try (Worker workerB =
                    Worker.start(brokerB, WorkerConfig.custom().queues("it-echo").build())) {
                assertThat(ofB.await(WAIT)).isEqualTo("for b");
                assertThat(workerB.stats().succeeded()).isEqualTo(1);
            }
            assertThat(workerA.stats().succeeded()).isEqualTo(1);
        }
    }

    @Test
    void theSameLockNameInTwoNamespacesIsTwoLocks(TestBroker test) throws Exception {
        String lock = test.uniqueName("lock");
        try (Coordinator a =
                        Coordinator.connect(
                                test.config().namespace(test.uniqueName("nsa")).build());
                Coordinator b =
                        Coordinator.connect(
                                test.config().namespace(test.uniqueName("nsb")).build())) {
            DistributedLock inA = DistributedLock.named(lock, a);
            DistributedLock inB = DistributedLock.named(lock, b);
            try (Lease heldInA = inA.acquire(WAIT)) {
                Optional<Lease> heldInB = inB.tryAcquire();
                assertThat(heldInB).isPresent();
                heldInB.get().close();
            }
            inA.delete();
            inB.delete();
        }
    }
}
