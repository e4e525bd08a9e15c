package dev.warren.examples;

import dev.warren.TaskCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code warren-worker} processes (separate JVMs, as they would run on other hosts) with the
 * examples on their classpath, and stops them with SIGTERM.
 */
public final class WorkerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    private WorkerProcesses() {}

    /**
     * Starts {@code count} workers on {@code queue}, each running one task at a time, and waits
     * until each says it is ready.
     */
    public static WorkerProcesses start(int count, String queue, ExampleEnvironment environment)
            throws IOException, InterruptedException {
        return start(count, queue, List.of(), environment);
    }

    /** As {@link #start(int, String, ExampleEnvironment)}, registering only {@code catalog}. */
    public static WorkerProcesses start(
            int count,
            String queue,
            Class<? extends TaskCatalog> catalog,
            ExampleEnvironment environment)
            throws IOException, InterruptedException {
        return start(count, queue, List.of("--catalog", catalog.getName()), environment);
    }

    private static WorkerProcesses start(
            int count, String queue, List<String> extraOptions, ExampleEnvironment environment)
            throws IOException, InterruptedException {
        WorkerProcesses workers = new WorkerProcesses();
        try {
            for (int i = 0; i < count; i++) {
                workers.processes.add(startOne(queue, extraOptions, environment));
            }
            for (Process process : workers.processes) {
                awaitReady(process);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            workers.close();
            throw e;
        }
        return workers;
    }

    private static Process startOne(
            String queue, List<String> extraOptions, ExampleEnvironment environment)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.addAll(
                List.of(
                        java,
                        "-jar",
                        workerJar().toString(),
                        "--broker",
                        environment.brokerUri().toString(),
                        "--queue",
                        queue,
                        "--concurrency",
                        "1",
                        "--classpath",
                        examplesClasspath()));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WARREN_KEYS", environment.keysText());
        builder.environment().putIfAbsent("WARREN_LOG_LEVEL", "WARN");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static void awaitReady(Process process) throws IOException, InterruptedException {
        var reader = process.inputReader();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.contains("warren-worker ready")) {
                return;
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IOException(
                "worker process exited before it was ready (exit code "
                        + process.exitValue()
                        + ")");
    }

    /**
     * The worker jar: {@code -Dwarren.worker.jar}, else {@code
     * worker-cli/target/warren-worker.jar}.
     */
    static Path workerJar() {
        Path jar =
                Path.of(
                        System.getProperty(
                                "warren.worker.jar", "worker-cli/target/warren-worker.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "worker jar not found at "
                            + jar.toAbsolutePath()
                            + ": build it with './mvnw -q -DskipTests package' from the project root,"
                            + " or pass -Dwarren.worker.jar=PATH");
        }
        return jar;
    }

    /** Where this code was loaded from: the examples jar, or the classes directory in a build. */
    static String examplesClasspath() {
        try {
            return Path.of(
                            ExamplesCatalog.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM to each worker and waits for it to drain and exit. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
