package dev.warren.testing.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running child JVM from {@link JvmLauncher} or {@link WorkerLauncher}: what it printed, waits
 * for its lines and its exit, and the ways to end it. {@link #close()} kills it, so a
 * try-with-resources block never leaves one running; call {@link #stop(Duration)} first for a
 * graceful end.
 */
public final class JvmProcess implements AutoCloseable {
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final String label;
    private final Process process;
    private final ProcessOutput output;
    private final String readyMarker;
    private final Duration readyTimeout;

    JvmProcess(String label, Process process, String readyMarker, Duration readyTimeout) {
        this.label = label;
        this.process = process;
        this.output = ProcessOutput.readFrom(process.getInputStream(), "output-of-" + label);
        this.readyMarker = readyMarker;
        this.readyTimeout = readyTimeout;
    }

    /** How the process ended: its exit code, and whether {@link #stop} had to kill it. */
    public record Exit(int code, boolean killed) {}

    /**
     * Waits for each process's ready line; if one does not come, kills them all and throws, so a
     * failed start leaves nothing running.
     */
    public static void awaitReady(List<JvmProcess> processes)
            throws IOException, InterruptedException {
        try {
            for (JvmProcess process : processes) {
                process.awaitReady();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.forEach(JvmProcess::close);
            throw e;
        }
    }

    /**
     * Waits until the process prints the launcher's ready line (at once if it was given none); if
     * it does not within the launcher's timeout, kills it and throws with what it printed.
     */
    public void awaitReady() throws IOException, InterruptedException {
        if (readyMarker == null
                || output.await(line -> line.contains(readyMarker), readyTimeout).isPresent()) {
            return;
        }
        boolean exited = output.hasEnded();
        kill();
        throw new IOException(
                label
                        + (exited
                                ? " exited with code " + process.exitValue() + " before printing '"
                                : " did not print '")
                        + readyMarker
                        + (exited ? "'" : "' within " + readyTimeout.toSeconds() + " s")
                        + ":\n"
                        + outputText());
    }

    public String label() {
        return label;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The lines printed so far (standard error too, unless the launcher sent it elsewhere). */
    public List<String> output() {
        return output.lines();
    }

    public String outputText() {
        return String.join("\n", output.lines());
    }

    /** The first line printed so far that starts with {@code prefix}. */
    public Optional<String> line(String prefix) {
        return output.first(line -> line.startsWith(prefix));
    }

    /**
     * Waits for a line starting with {@code prefix} and returns the rest of it, stripped.
     *
     * @throws IllegalStateException with the output when none comes in time or the process ends
     *     without one
     */
    public String awaitLine(String prefix, Duration atMost) throws InterruptedException {
        return output.await(line -> line.startsWith(prefix), atMost)
                .map(line -> line.substring(prefix.length()).strip())
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        label
                                                + (output.hasEnded()
                                                        ? " ended without printing '"
                                                        : " printed no line '")
                                                + prefix
                                                + "' within "
                                                + atMost.toMillis()
                                                + " ms:\n"
                                                + outputText()));
    }

    /**
     * Waits for the process to exit by itself and returns its exit code, once its last lines are
     * read.
     *
     * @throws IllegalStateException when it is still running after {@code atMost}
     */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    label + " still running after " + atMost.toSeconds() + " s:\n" + outputText());
        }
        output.awaitEnd(Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** Closes the process's standard input: a child that reads it to its end goes on. */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Sends a POSIX signal by name, e.g. {@code STOP} to freeze the process, {@code CONT}. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
    }

    /**
     * SIGTERM, then waits up to {@code grace} for the process to exit (a worker finishes its
     * running tasks first); kills it if it has not.
     */
    public Exit stop(Duration grace) throws InterruptedException {
        requestStop();
        return awaitStop(grace);
    }

    /** As {@link #stop} for each, but they all get SIGTERM first and stop in parallel. */
    public static List<Exit> stop(List<JvmProcess> processes, Duration grace)
            throws InterruptedException {
        processes.forEach(JvmProcess::requestStop);
        List<Exit> exits = new ArrayList<>();
        for (JvmProcess process : processes) {
            exits.add(process.awaitStop(grace));
        }
        return exits;
    }

    private void requestStop() {
        // through the handle: Process.destroy() would also close the pipes, and the lines the
        // process prints while it stops would be lost
        process.toHandle().destroy();
    }

    private Exit awaitStop(Duration grace) throws InterruptedException {
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            output.awaitEnd(Duration.ofSeconds(5));
            return new Exit(process.exitValue(), false);
        }
        kill();
        return new Exit(process.exitValue(), true);
    }

    /**
     * SIGKILL, and waits for the process to be gone: no chance to acknowledge or clean up, as when
     * a host dies.
     */
    public void kill() {
        process.toHandle().destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(label + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the pipe of a dead process: nothing to release
        }
    }

    @Override
    public String toString() {
        return label + "[pid " + pid() + (isAlive() ? "" : ", exited") + "]";
    }
}
