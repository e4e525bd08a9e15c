package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.ops.QueueStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A backlog: {@link ClientHeapProbe} enqueues the tasks from a JVM of its own with a capped heap
 * while no worker runs, then worker processes drain the queue, timed from when they are all up.
 */
final class BacklogStage {
    private final BenchmarkRun run;
    private final BacklogOptions options;
    private final WorkerOptions workers;
    private final int payload;

    /**
     * @param payload the no-op task's payload bytes (the first of {@code --payloads})
     */
    BacklogStage(BenchmarkRun run, BacklogOptions options, WorkerOptions workers, int payload) {
        this.run = run;
        this.options = options;
        this.workers = workers;
        this.payload = payload;
    }

    /** Nothing with {@code --backlog 0}. */
    void run() throws IOException, InterruptedException {
        if (options.tasks > 0 && fill()) {
            drain();
        }
    }

    /** False when the enqueuing client reported nothing. */
    private boolean fill() throws IOException, InterruptedException {
        System.out.printf(
                "Backlog: enqueueing %d tasks of %d B from a client JVM with -Xmx%s, no worker running ...%n",
                options.tasks, payload, options.clientHeap);
        Path log = run.directory().resolve("client-heap.log");
        Process probe = startProbe(log);
        ClientHeapFigures figures = null;
        String failure = "";
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Optional<ClientHeapFigures> result = ClientHeapFigures.parse(line);
                if (result.isPresent()) {
                    figures = result.get();
                } else if (line.startsWith("FIRST-FAILURE")) {
                    failure = line;
                }
            }
        }
        int exit = probe.waitFor();
        if (figures == null) {
            run.results().verdict(TargetVerdicts.clientHeapUnmeasured(exit, failure, log));
            return false;
        }
        run.results()
                .add(
                        new Row(
                                "backlog",
                                "enqueueAsync (fill)",
                                0,
                                payload,
                                figures.count(),
                                figures.seconds(),
                                figures.ratePerSecond(),
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                String.format(
                                        Locale.ROOT,
                                        "client -Xmx%s: heap peak %.1f MiB, peak after GC %.1f MiB, %d GCs, %d failures",
                                        options.clientHeap,
                                        figures.peakUsedMiB(),
                                        figures.peakAfterGcMiB(),
                                        figures.collections(),
                                        figures.failures())));
        run.results().verdict(TargetVerdicts.clientHeap(figures, exit == 0, options.clientHeap));
        return true;
    }

    private Process startProbe(Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.clientHeap);
        command.add("-Xlog:gc:file=" + run.directory().resolve("client-heap-gc.log"));
        command.addAll(options.probeJvmArgs);
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        ClientHeapProbe.class.getName(),
                        run.brokerUri(),
                        Long.toString(options.tasks),
                        Integer.toString(payload)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WARREN_KEYS", run.keys());
        builder.environment().put("WARREN_LOG_LEVEL", "WARN");
        builder.redirectError(log.toFile());
        return builder.start();
    }

    private void drain() throws IOException, InterruptedException {
        System.out.printf("Backlog: draining with %d worker processes ...%n", options.drainWorkers);
        try (Broker broker = Broker.connect(run.config());
                WorkerFleet fleet = run.fleet(workers)) {
            fleet.growTo(options.drainWorkers);
            long readyAt = System.nanoTime();
            long first = QueueStats.ofWorkQueue(broker, NoopTask.QUEUE).ready();
            long left = first;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (left > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try {
                    left = QueueStats.ofWorkQueue(broker, NoopTask.QUEUE).ready();
                } catch (RuntimeException e) {
                    System.out.println(
                            "    cannot read the queue depth (" + e.getMessage() + "); again");
                }
            }
            double seconds = (System.nanoTime() - readyAt) / 1e9;
            run.results()
                    .add(
                            new Row(
                                    "backlog",
                                    "drain",
                                    options.drainWorkers,
                                    payload,
                                    first,
                                    seconds,
                                    first / seconds,
                                    Double.NaN,
                                    Double.NaN,
                                    Double.NaN,
                                    Double.NaN,
                                    "ready messages left when all workers were up, over the time to empty the queue"
                                            + (left > 0
                                                    ? "; NOT EMPTIED: " + left + " left"
                                                    : "")));
        }
    }
}
