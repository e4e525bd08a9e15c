package dev.warren.it.support;

import dev.warren.testing.TestBroker;
import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code warren-worker} processes as the integration tests run them: from the worker-cli jar, with
 * the test classes on their {@code --classpath}, logging at INFO into the captured output.
 */
public final class ItWorkers {
    private ItWorkers() {}

    /** A launcher for workers on {@code queues}; add options, then start. */
    public static WorkerLauncher launcher(TestBroker broker, int concurrency, String... queues) {
        return broker.workerLauncher()
                .jvmArgs("-Xmx256m")
                .taskClasspath(System.getProperty("warren.test.classes", "target/test-classes"))
                .concurrency(concurrency)
                .shutdownTimeout(Duration.ofSeconds(60))
                .logLevel("INFO")
                .queues(queues);
    }

    /** Starts a worker and waits until it consumes. */
    public static JvmProcess start(TestBroker broker, int concurrency, String... queues)
            throws IOException, InterruptedException {
        return launcher(broker, concurrency, queues).start();
    }

    /**
     * SIGTERM, and the worker's exit code.
     *
     * @throws AssertionError when it had to be killed after {@code grace}
     */
    public static int terminate(JvmProcess worker, Duration grace) throws InterruptedException {
        JvmProcess.Exit exit = worker.stop(grace);
        if (exit.killed()) {
            throw new AssertionError(
                    "worker did not stop within "
                            + grace.toSeconds()
                            + " s:\n"
                            + worker.outputText());
        }
        return exit.code();
    }
}
