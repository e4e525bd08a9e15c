package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.tasks.Echo;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warren-worker --namespace} on the worker process and on the operator commands. */
@WarrenTest
class NamespaceCommandsIT {
    @TempDir Path dir;

    @Test
    void aWorkerProcessAndTheOperatorCommandsMeetOnlyInTheirNamespace(TestBroker test)
            throws Exception {
        String namespace = test.uniqueName("cli");
        Path keys = Ops.keyFile(dir, test.keysText());
        try (JvmProcess worker =
                        ItWorkers.launcher(test, 2, "warren.it-echo")
                                .options("--namespace", namespace, "--heartbeat-interval", "0.3")
                                .start();
                Broker broker = Broker.connect(test.config().namespace(namespace).build());
                TaskClient client = new TaskClient(broker)) {
            assertThat(client.submit(new Echo("namespaced")).await(Duration.ofSeconds(30)))
                    .isEqualTo("namespaced");
            assertThat(worker.outputText())
                    .contains("'warren.it-echo' is given with the broker's prefix")
                    .contains("broker queue warren@" + namespace + ".it-echo");

            Ops.Run inIt =
                    Ops.cli(
                            test,
                            keys,
                            List.of("status"),
                            "--namespace",
                            namespace,
                            "--wait",
                            "1.5",
                            "--json");
            assertThat(inIt.exitCode()).as(inIt.err()).isZero();
            assertThat(inIt.out()).contains("\"queues\":[\"it-echo\"]", "\"pid\":" + worker.pid());

            Ops.Run outside = Ops.cli(test, keys, List.of("status"), "--wait", "1.5", "--json");
            assertThat(outside.out()).doesNotContain("\"pid\":" + worker.pid() + ",");

            Ops.Run letters =
                    Ops.cli(
                            test,
                            keys,
                            List.of("dead-letters", "list"),
                            "it-echo",
                            "--namespace",
                            namespace);
            assertThat(letters.exitCode()).as(letters.err()).isZero();
            assertThat(letters.out())
                    .contains("No dead letters in warren@" + namespace + ".it-echo.dead.");
        }
    }
}
