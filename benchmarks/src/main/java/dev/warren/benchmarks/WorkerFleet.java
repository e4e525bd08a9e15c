package dev.warren.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code warren-worker} processes (separate JVMs, started from the worker-cli jar with the
 * benchmark classes on {@code --classpath}), added one batch at a time and stopped with SIGTERM.
 */
final class WorkerFleet implements AutoCloseable {
    private final Path workerJar;
    private final String taskClasspath;
    private final String brokerUri;
    private final String keys;
    private final int concurrency;
    private final int prefetch;
    private final List<String> jvmArgs;
    private final Path logDirectory;
    private final List<Process> processes = new ArrayList<>();

    WorkerFleet(
            Path workerJar,
            String taskClasspath,
            String brokerUri,
            String keys,
            int concurrency,
            int prefetch,
            List<String> jvmArgs,
            Path logDirectory) {
        this.workerJar = workerJar;
        this.taskClasspath = taskClasspath;
        this.brokerUri = brokerUri;
        this.keys = keys;
        this.concurrency = concurrency;
        this.prefetch = prefetch;
        this.jvmArgs = jvmArgs;
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
        List<Process> started = new ArrayList<>();
        while (processes.size() + started.size() < total) {
            int index = processes.size() + started.size() + 1;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.addAll(
                    List.of(
                            "-jar",
                            workerJar.toString(),
                            "--broker",
                            brokerUri,
                            "--queue",
                            NoopTask.QUEUE,
                            "--concurrency",
                            Integer.toString(concurrency),
                            "--prefetch",
                            Integer.toString(prefetch),
                            "--shutdown-timeout",
                            "30",
                            "--classpath",
                            taskClasspath));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("WARREN_KEYS", keys);
            builder.environment().put("WARREN_LOG_LEVEL", "WARN");
            builder.redirectError(logDirectory.resolve("worker-" + index + ".log").toFile());
            started.add(builder.start());
        }
        for (Process process : started) {
            awaitReady(process);
            processes.add(process);
        }
    }

    private static void awaitReady(Process process) throws IOException, InterruptedException {
        BufferedReader reader = process.inputReader();
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
                        + "); see its log under benchmarks/results");
    }

    /** SIGTERM to each worker; waits for them to drain and exit. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
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
