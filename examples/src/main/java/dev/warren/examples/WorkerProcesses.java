package dev.warren.examples;

import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code warren-worker} processes for an example (separate JVMs, as they would run on other hosts),
 * with the examples on their classpath (where they find the task classes), or from the worker jar
 * alone running shipped code; their log goes to this process's standard error. Stopped with
 * SIGTERM.
 */
public final class WorkerProcesses implements AutoCloseable {
    private final List<JvmProcess> processes;

    private WorkerProcesses(List<JvmProcess> processes) {
        this.processes = processes;
    }

    /**
     * Starts {@code count} workers on {@code queue}, each running one task at a time, and waits
     * until each says it is ready. The worker jar is {@code -Dwarren.worker.jar}, else {@code
     * worker-cli/target/warren-worker.jar}.
     */
    public static WorkerProcesses start(int count, String queue, ExampleEnvironment environment)
            throws IOException, InterruptedException {
        return start(
                count,
                queue,
                environment,
                List.of("--classpath", WorkerLauncher.locationOf(WorkerProcesses.class)));
    }

    /**
     * Like {@link #start(int, String, ExampleEnvironment)}, but from the worker jar alone, without
     * the examples on their classpath: they run the code the producer ships ({@code
     * --accept-code}), kept in {@code bundleCache}.
     */
    public static WorkerProcesses startAcceptingCode(
            int count, String queue, ExampleEnvironment environment, Path bundleCache)
            throws IOException, InterruptedException {
        return start(
                count,
                queue,
                environment,
                List.of("--accept-code", "--bundle-cache", bundleCache.toString()));
    }

    private static WorkerProcesses start(
            int count, String queue, ExampleEnvironment environment, List<String> options)
            throws IOException, InterruptedException {
        WorkerLauncher launcher =
                WorkerLauncher.fromBuild()
                        .broker(environment.brokerUri())
                        .keys(environment.keysText())
                        .queues(queue)
                        .concurrency(1)
                        .options(options.toArray(String[]::new))
                        .inheritErrors();
        if (System.getenv("WARREN_LOG_LEVEL") == null) {
            launcher.logLevel("WARN");
        }
        List<JvmProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(launcher.launch());
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(JvmProcess::close);
            throw e;
        }
        JvmProcess.awaitReady(started);
        return new WorkerProcesses(started);
    }

    /**
     * Sends SIGTERM to each worker and waits for it to drain and exit; kills them if this thread is
     * interrupted meanwhile.
     */
    @Override
    public void close() {
        try {
            JvmProcess.stop(processes, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            processes.forEach(JvmProcess::close);
            Thread.currentThread().interrupt();
        }
    }
}
