package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.it.support.ForcedClose;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.GuardedIncrement;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tasks on worker processes started with {@code --coordination} use the coordination primitives.
 */
@WarrenTest
class CoordinatedTasksIT {
    @Test
    void tasksOnTwoWorkerProcessesShareOneLockAndGetEveryFencingTokenOnce(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-coordinated");
        String lock = test.uniqueName("it-cli-lock");
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker);
                JvmProcess first =
                        ItWorkers.launcher(test, 2, "it-coordinated")
                                .options("--coordination")
                                .start();
                JvmProcess second =
                        ItWorkers.launcher(test, 2, "it-coordinated")
                                .options("--coordination")
                                .start()) {
            List<GuardedIncrement> tasks =
                    IntStream.range(0, 40).mapToObj(i -> new GuardedIncrement(lock)).toList();

            List<Long> tokens = new ArrayList<>(client.map(tasks).get());

            assertThat(tokens).doesNotHaveDuplicates().hasSize(40);
            tokens.sort(Long::compare);
            assertThat(tokens.get(39) - tokens.get(0)).as("one grant after another").isEqualTo(39);
        }
    }

    @Test
    void aWorkersCoordinatorComesBackByItselfAfterTheBrokerClosedItsConnection(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-coordinated");
        String lock = test.uniqueName("it-cli-lock-recovery");
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker);
                JvmProcess worker =
                        ItWorkers.launcher(test, 2, "it-coordinated")
                                .options("--coordination")
                                .start()) {
            long before = client.submit(new GuardedIncrement(lock)).await(Duration.ofSeconds(30));

            assertThat(ForcedClose.connectionsNamed(test, "/sync@", hostPid(worker) + "\""))
                    .isEqualTo(1);

            List<Long> after =
                    new ArrayList<>(
                            client.map(
                                            IntStream.range(0, 10)
                                                    .mapToObj(i -> new GuardedIncrement(lock))
                                                    .toList())
                                    .get());
            assertThat(after).hasSize(10).doesNotHaveDuplicates().allMatch(t -> t > before);
            assertThat(worker.outputText()).contains("coordinator reconnected");
        }
    }

    /** The {@code :pid} end of the identity Warren puts in its connection names. */
    private static String hostPid(JvmProcess process) {
        return ":" + process.pid();
    }

    @Test
    void withoutCoordinationTheTaskSaysWhatIsMissing(TestBroker test) throws Exception {
        Queues.reset(test, "it-coordinated");
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker);
                JvmProcess worker = ItWorkers.start(test, 1, "it-coordinated")) {

            assertThatThrownBy(
                            () ->
                                    client.submit(new GuardedIncrement("unused"))
                                            .await(Duration.ofSeconds(30)))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining("worker has no Coordinator");
        }
    }
}
