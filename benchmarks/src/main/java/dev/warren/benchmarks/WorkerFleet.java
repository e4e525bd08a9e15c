package dev.warren.benchmarks;

import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code warren-worker} processes (separate JVMs, started from the worker-cli jar with the
 * benchmark classes on {@code --classpath}), added one batch at a time and stopped with SIGTERM;
 * each logs to {@code worker-N.log} in the run's directory.
 */
final class WorkerFleet implements AutoCloseable {
    private final WorkerLauncher launcher;
    private final Path logDirectory;
    private final List<JvmProcess> processes = new ArrayList<>();

    WorkerFleet(
            Path workerJar,
            String taskClasspath,
            String brokerUri,
            String keys,
            int concurrency,
            int prefetch,
            List<String> jvmArgs,
            Path logDirectory) {
        this.launcher =
                WorkerLauncher.fromJar(workerJar)
                        .broker(URI.create(brokerUri))
                        .keys(keys)
                        .logLevel("WARN")
                        .jvmArgs(jvmArgs)
                        .queues(NoopTask.QUEUE)
                        .concurrency(concurrency)
                        .prefetch(prefetch)
                        .shutdownTimeout(Duration.ofSeconds(30))
                        .taskClasspath(taskClasspath)
                        // a batch of JVMs booting at once on a small machine
                        .readyTimeout(Duration.ofMinutes(3));
        this.logDirectory = logDirectory;
    }

    /** CPU seconds used so far by the running worker processes together. */
    double cpuSeconds() {
        return processes.stream().mapToDouble(p -> CpuMeter.seconds(p.pid())).sum();
    }

    int size() {
        return processes.size();
    }

    /** Starts worker processes until there are {@code total}, and waits until each is ready. */
    void growTo(int total) throws IOException, InterruptedException {
        List<JvmProcess> started = new ArrayList<>();
        try {
            while (processes.size() + started.size() < total) {
                int index = processes.size() + started.size() + 1;
                started.add(
                        launcher.logFile(logDirectory.resolve("worker-" + index + ".log"))
                                .launch());
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(JvmProcess::close);
            throw e;
        }
        JvmProcess.awaitReady(started);
        processes.addAll(started);
    }

    /** SIGTERM to each worker; waits for them to drain and exit. */
    @Override
    public void close() throws InterruptedException {
        JvmProcess.stop(processes, Duration.ofSeconds(40));
        processes.clear();
    }

    static String logsOf(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith("worker-"))
                    .map(Path::toString)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
        }
    }
}
