package dev.warren.it.sync;

import static org.awaitility.Awaitility.await;

import dev.warren.it.support.TestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A child JVM running {@link SyncChild} with the test broker's URI and keys; collects its output
 * lines so a test can wait for them.
 */
final class ChildJvm implements AutoCloseable {
    private final String label;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(String label, Process process) {
        this.label = label;
        this.process = process;
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = in.readLine()) != null; ) {
                                    lines.add(line);
                                }
                            } catch (IOException e) {
                                lines.add("READ-FAILED " + e);
                            }
                        },
                        "child-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(TestBroker broker, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SyncChild.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(SyncChild.BROKER_ENV, broker.uri().toString());
        builder.environment().put(SyncChild.KEYS_ENV, TestBroker.KEYS_TEXT);
        return new ChildJvm(String.join(" ", args), builder.start());
    }

    List<String> lines() {
        return lines;
    }

    Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** Waits for a line starting with {@code prefix} and returns the rest of it. */
    String awaitLine(String prefix, Duration atMost) {
        await(label + " printing " + prefix)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> line(prefix).isPresent() || !process.isAlive() && drained(prefix));
        return line(prefix)
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "child '"
                                                + label
                                                + "' ended without printing "
                                                + prefix
                                                + ":\n"
                                                + String.join("\n", lines)))
                .substring(prefix.length())
                .strip();
    }

    private boolean drained(String prefix) {
        // give the reader a moment to collect the last lines of a dead process
        try {
            process.waitFor();
            process.getInputStream().available();
        } catch (InterruptedException | IOException e) {
            return true;
        }
        return true;
    }

    void awaitExit(Duration atMost) {
        await(label + " exiting")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !process.isAlive());
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "child '"
                            + label
                            + "' exited with "
                            + process.exitValue()
                            + ":\n"
                            + String.join("\n", lines));
        }
    }

    /** Closes the child's stdin: children that wait for it go on. */
    void proceed() throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.close();
    }

    /** Sends a signal (STOP, CONT) to freeze or resume the child. */
    void signal(String name) throws Exception {
        Process kill =
                new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
        kill.waitFor();
    }

    /** SIGKILL: the kernel closes its sockets, as when a process crashes. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
