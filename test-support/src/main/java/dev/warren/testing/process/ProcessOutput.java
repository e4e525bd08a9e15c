package dev.warren.testing.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lines a child process prints, read on a thread of their own as they arrive (so the process
 * never blocks on a full pipe) and kept so callers can wait for one.
 */
final class ProcessOutput {
    private final List<String> lines = new ArrayList<>(); // guarded by this
    private boolean ended; // guarded by this

    private ProcessOutput() {}

    static ProcessOutput readFrom(InputStream stream, String threadName) {
        ProcessOutput output = new ProcessOutput();
        Thread reader = new Thread(() -> output.readAll(stream), threadName);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void readAll(InputStream stream) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                add(line);
            }
        } catch (IOException e) {
            add("[output lost: " + e + "]");
        } finally {
            end();
        }
    }

    private synchronized void add(String line) {
        lines.add(line);
        notifyAll();
    }

    private synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Whether the process has closed its output: no more lines will come. */
    synchronized boolean hasEnded() {
        return ended;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized Optional<String> first(Predicate<String> match) {
        return lines.stream().filter(match).findFirst();
    }

    /**
     * The first line that matches, waiting for it until the deadline or until the process closes
     * its output; empty if none came.
     */
    synchronized Optional<String> await(Predicate<String> match, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Optional<String> found = first(match);
            long left = deadline - System.nanoTime();
            if (found.isPresent() || ended || left <= 0) {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until the process has closed its output, so the last lines are in. */
    synchronized void awaitEnd(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (long left = atMost.toNanos();
                !ended && left > 0;
                left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
