package dev.warren.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@code warren-worker} process started from the worker-cli jar, with the test classes on its
 * {@code --classpath}: a worker exactly as an operator would run it on another host.
 */
public final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    private WorkerProcess(Process process) {
        this.process = process;
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    output.add(line);
                                    if (line.contains("warren-worker ready")) {
                                        ready.countDown();
                                    }
                                }
                            } catch (IOException e) {
                                output.add("[output lost: " + e + "]");
                            }
                        },
                        "worker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker and waits until it consumes. */
    public static WorkerProcess start(TestBroker broker, int concurrency, String... queues)
            throws IOException, InterruptedException {
        return start(broker, concurrency, java.util.List.of(), queues);
    }

    /** As {@link #start(TestBroker, int, String...)}, with more {@code warren-worker} options. */
    public static WorkerProcess start(
            TestBroker broker, int concurrency, java.util.List<String> options, String... queues)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(workerJar().toString());
        command.add("--broker");
        command.add(broker.uri().toString());
        command.add("--classpath");
        command.add(System.getProperty("warren.test.classes", "target/test-classes"));
        command.add("--concurrency");
        command.add(Integer.toString(concurrency));
        command.add("--shutdown-timeout");
        command.add("60");
        command.addAll(options);
        for (String queue : queues) {
            command.add("--queue");
            command.add(queue);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WARREN_KEYS", TestBroker.KEYS_TEXT);
        builder.environment().put("WARREN_LOG_LEVEL", "INFO");
        WorkerProcess worker = new WorkerProcess(builder.start());
        if (!worker.ready.await(60, TimeUnit.SECONDS)) {
            worker.kill();
            throw new IllegalStateException(
                    "worker did not start:\n" + String.join("\n", worker.output));
        }
        return worker;
    }

    static Path workerJar() {
        Path jar =
                Path.of(
                        System.getProperty(
                                "warren.worker.jar", "../worker-cli/target/warren-worker.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "worker jar missing: "
                            + jar.toAbsolutePath()
                            + " (run the build from the root)");
        }
        return jar;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no chance to ack or clean up, as when a host dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit code. */
    public int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "worker did not stop within "
                            + timeoutSeconds
                            + "s:\n"
                            + String.join("\n", output));
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
