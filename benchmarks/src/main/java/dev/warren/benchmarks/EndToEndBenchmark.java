package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.ops.QueueStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The end-to-end benchmark: on one broker, in one run, RabbitMQ PerfTest's one-hop rate and latency
 * first, then Warren's no-op task round trips through worker processes, then a backlog of enqueued
 * tasks drained, with the client's heap measured in its own JVM. Prints a table, writes CSV under
 * {@code benchmarks/results/}, and says which targets of issue 4 were met. Never fails on a timing:
 * a miss is reported, not asserted.
 *
 * <pre>
 * benchmarks/run.sh            # everything (about 15 minutes on 2 cores)
 * benchmarks/run.sh --smoke    # every path once, tiny counts, no timing worth reading
 * benchmarks/run.sh --help
 * </pre>
 */
public final class EndToEndBenchmark {
    private static final PrintStream out = System.out;

    /** Command-line flags; {@code --smoke} changes the defaults of all the counts. */
    static final class Options {
        String broker = "amqp://guest:guest@127.0.0.1:5672";
        Path workerJar = Path.of("worker-cli/target/warren-worker.jar");
        Path results = Path.of("benchmarks/results");
        boolean smoke;
        boolean jmh = true;
        boolean perfTest = true;
        int jmhForks = 1;
        int jmhWarmups = 3;
        int jmhIterations = 5;
        double jmhSeconds = 1;
        int perfTestSeconds = 15;
        int rounds = 3;
        int perfTestLowRate = 100;
        long tasks = 60_000;
        long bytesPerRun = 1L << 30;
        int window = 1_000;
        int latencySamples = 2_000;
        int[] workers = {1, 2, 4};
        int[] payloads = {100, 10 * 1024, 1024 * 1024};
        int workerConcurrency = 2;
        int workerPrefetch = 250;
        int publishWindow = 256;
        long backlog = 1_000_000;
        int drainWorkers = 2;
        String clientHeap = "256m";
        List<String> workerJvmArgs = new ArrayList<>();
        List<String> probeJvmArgs = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            if (Arrays.asList(args).contains("--smoke")) {
                o.smoke = true;
                o.jmhWarmups = 1;
                o.jmhIterations = 1;
                o.jmhSeconds = 0.2;
                o.perfTestSeconds = 2;
                o.rounds = 1;
                o.perfTestLowRate = 50;
                o.tasks = 1_000;
                o.bytesPerRun = 8L << 20;
                o.latencySamples = 50;
                o.workers = new int[] {1, 2};
                o.payloads = new int[] {100, 10 * 1024};
                o.backlog = 2_000;
                o.drainWorkers = 1;
            }
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--smoke" -> {}
                    case "--no-jmh" -> o.jmh = false;
                    case "--no-perftest" -> o.perfTest = false;
                    case "--broker" -> o.broker = args[++i];
                    case "--worker-jar" -> o.workerJar = Path.of(args[++i]);
                    case "--results" -> o.results = Path.of(args[++i]);
                    case "--jmh-forks" -> o.jmhForks = Integer.parseInt(args[++i]);
                    case "--jmh-iterations" -> o.jmhIterations = Integer.parseInt(args[++i]);
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--perftest-seconds" -> o.perfTestSeconds = Integer.parseInt(args[++i]);
                    case "--perftest-low-rate" -> o.perfTestLowRate = Integer.parseInt(args[++i]);
                    case "--tasks" -> o.tasks = Long.parseLong(args[++i]);
                    case "--bytes-per-run" -> o.bytesPerRun = Long.parseLong(args[++i]);
                    case "--window" -> o.window = Integer.parseInt(args[++i]);
                    case "--latency-samples" -> o.latencySamples = Integer.parseInt(args[++i]);
                    case "--workers" -> o.workers = ints(args[++i]);
                    case "--payloads" -> o.payloads = ints(args[++i]);
                    case "--worker-concurrency" ->
                            o.workerConcurrency = Integer.parseInt(args[++i]);
                    case "--worker-prefetch" -> o.workerPrefetch = Integer.parseInt(args[++i]);
                    case "--publish-window" -> o.publishWindow = Integer.parseInt(args[++i]);
                    case "--backlog" -> o.backlog = Long.parseLong(args[++i]);
                    case "--drain-workers" -> o.drainWorkers = Integer.parseInt(args[++i]);
                    case "--client-heap" -> o.clientHeap = args[++i];
                    case "--worker-jvm-arg" -> o.workerJvmArgs.add(args[++i]);
                    case "--probe-jvm-arg" -> o.probeJvmArgs.add(args[++i]);
                    case "--help", "-h" -> {
                        usage();
                        System.exit(0);
                    }
                    default -> {
                        System.err.println("unknown option " + a + " (see --help)");
                        System.exit(2);
                    }
                }
            }
            return o;
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(","))
                    .mapToInt(s -> Integer.parseInt(s.trim()))
                    .toArray();
        }

        private static void usage() {
            out.println(
                    """
                    Usage: benchmarks/run.sh [--smoke] [options]
                      --smoke                  tiny counts: every path once, in seconds (CI)
                      --broker URI             default amqp://guest:guest@127.0.0.1:5672
                      --worker-jar PATH        default worker-cli/target/warren-worker.jar
                      --results DIR            default benchmarks/results
                      --no-jmh, --no-perftest  skip a part
                      --jmh-forks N, --jmh-iterations N
                      --rounds N               runs of the 100 B max-rate PerfTest and of each
                                               100 B Warren full-load run; the median counts (3)
                      --perftest-seconds N     each PerfTest run (default 15)
                      --perftest-low-rate N    msg/s of PerfTest's latency run (default 100)
                      --tasks N                tasks per throughput run (default 60000)
                      --bytes-per-run N        caps tasks x payload per run (default 1 GiB)
                      --window N               tasks in flight at full load (default 1000)
                      --latency-samples N      one-at-a-time round trips (default 2000)
                      --workers 1,2,4          worker processes for the scaling runs
                      --payloads 100,10240,1048576   task payload bytes (first: the no-op task)
                      --worker-concurrency N   threads per worker (default 2)
                      --worker-prefetch N      per worker (default 250)
                      --publish-window N       client's unconfirmed publishes (default 256)
                      --backlog N              tasks enqueued then drained (default 1000000)
                      --drain-workers N        workers draining the backlog (default 2)
                      --client-heap SIZE       -Xmx of the enqueuing client (default 256m)
                      --worker-jvm-arg ARG     extra JVM option for workers (repeatable; e.g. JFR)
                      --probe-jvm-arg ARG      extra JVM option for the enqueuing client""");
        }
    }

    private final Options options;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final Path runDirectory;
    private final String keys;
    private final WarrenConfig config;
    private final String classpath;

    private EndToEndBenchmark(Options options) throws IOException {
        this.options = options;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.runDirectory = options.results.resolve((options.smoke ? "smoke-" : "run-") + stamp);
        Files.createDirectories(runDirectory);
        this.keys = SigningKeys.generate("bench");
        this.config =
                WarrenConfig.custom()
                        .brokerUri(options.broker)
                        .signingKeys(SigningKeys.parse(keys, "benchmark"))
                        .catalog(new BenchmarkCatalog())
                        .publishWindow(options.publishWindow)
                        .connectionName("warren-bench")
                        .build();
        this.classpath = ownLocation();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Files.isRegularFile(options.workerJar)) {
            System.err.println(
                    "worker jar not found at "
                            + options.workerJar.toAbsolutePath()
                            + ": build it with ./mvnw -q -DskipTests install, or pass --worker-jar");
            System.exit(2);
        }
        new EndToEndBenchmark(options).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        out.printf(
                "Warren benchmarks%s: %d cores, Java %s, broker %s; logs in %s%n",
                options.smoke ? " (SMOKE: counts too small for the figures to mean anything)" : "",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                config.brokerAddressForHumans(),
                runDirectory);
        if (options.jmh) {
            jmh();
        }
        Map<Integer, PerfTestRun.Result> oneHop = new HashMap<>();
        PerfTestRun.Result lowRate = null;
        Map<Integer, Integer> wireBytes = new HashMap<>();
        try (Broker broker = Broker.connect(config)) {
            for (int payload : options.payloads) {
                Envelope sealed =
                        BrokerLink.of(broker)
                                .sealer()
                                .seal(
                                        new Heading(
                                                "00000000-0000-0000-0000-000000000000",
                                                NoopTask.class.getName(),
                                                0,
                                                null,
                                                1),
                                        new NoopTask(new byte[payload]));
                wireBytes.put(payload, sealed.body().length);
            }
        }
        if (options.perfTest) {
            for (int payload : options.payloads) {
                int runs = payload == options.payloads[0] ? options.rounds : 1;
                List<PerfTestRun.Result> all = new ArrayList<>();
                for (int round = 1; round <= runs; round++) {
                    all.add(
                            perfTest(
                                    wireBytes.get(payload),
                                    0,
                                    "perftest-" + payload + "-" + round + ".log"));
                }
                all.sort(java.util.Comparator.comparingDouble(PerfTestRun.Result::receiveRate));
                PerfTestRun.Result r = all.get(all.size() / 2);
                String rounds =
                        runs == 1
                                ? ""
                                : "median of "
                                        + runs
                                        + " runs ("
                                        + all.stream()
                                                .map(
                                                        x ->
                                                                String.format(
                                                                        Locale.ROOT,
                                                                        "%.0f",
                                                                        x.receiveRate()))
                                                .reduce((a, b) -> a + " " + b)
                                                .orElse("")
                                        + " msg/s); ";
                oneHop.put(payload, r);
                add(
                        new Row(
                                "perftest",
                                "one hop max rate",
                                0,
                                wireBytes.get(payload),
                                0,
                                options.perfTestSeconds,
                                r.receiveRate(),
                                Double.NaN,
                                r.p50(),
                                r.p99(),
                                Double.NaN,
                                rounds + cpuNote(r) + r.cmd()));
            }
            lowRate =
                    perfTest(
                            wireBytes.get(options.payloads[0]),
                            options.perfTestLowRate,
                            "perftest-low-rate.log");
            add(
                    new Row(
                            "perftest",
                            "one hop at " + options.perfTestLowRate + " msg/s",
                            0,
                            wireBytes.get(options.payloads[0]),
                            0,
                            options.perfTestSeconds,
                            lowRate.receiveRate(),
                            Double.NaN,
                            lowRate.p50(),
                            lowRate.p99(),
                            Double.NaN,
                            cpuNote(lowRate) + lowRate.cmd()));
        }
        warren(oneHop, lowRate);
        backlog();
        out.println();
        printTable();
        writeCsv();
        out.println();
        out.println(
                options.smoke
                        ? "Targets (issue 4) -- SMOKE run, counts far too small: these verdicts mean nothing:"
                        : "Targets (issue 4; reported, never asserted):");
        targets.forEach(t -> out.println("  " + t));
        out.printf(
                "%nFinished in %.0f s. CSV: %s%n",
                (System.nanoTime() - started) / 1e9,
                options.results.resolve(options.smoke ? "smoke-latest.csv" : "latest.csv"));
    }

    private void add(Row row) {
        rows.add(row);
        try {
            writeCsv(); // as it goes, so a run cut short still leaves its figures
        } catch (IOException e) {
            out.println("    cannot write the CSV: " + e);
        }
        out.printf(
                Locale.ROOT,
                "  %-9s %-26s workers=%d payload=%dB  %s%n",
                row.section(),
                row.what(),
                row.workers(),
                row.payloadBytes(),
                summary(row));
    }

    private static String summary(Row r) {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(r.ratePerSecond())) {
            s.append(String.format(Locale.ROOT, "%.0f/s ", r.ratePerSecond()));
        }
        if (!Double.isNaN(r.ratio())) {
            s.append(String.format(Locale.ROOT, "ratio %.2f ", r.ratio()));
        }
        if (!Double.isNaN(r.p50Micros())) {
            s.append(String.format(Locale.ROOT, "p50 %.1f us ", r.p50Micros()));
        }
        if (!Double.isNaN(r.p99Micros())) {
            s.append(String.format(Locale.ROOT, "p99 %.1f us ", r.p99Micros()));
        }
        return s.toString();
    }

    // ---- JMH

    private void jmh() throws Exception {
        out.println("JMH: MessageSealer seal/open, single thread ...");
        ChainedOptionsBuilder builder =
                new OptionsBuilder()
                        .include(SealerBenchmark.class.getSimpleName())
                        .forks(options.jmhForks)
                        .warmupIterations(options.jmhWarmups)
                        .measurementIterations(options.jmhIterations)
                        .warmupTime(TimeValue.milliseconds((long) (options.jmhSeconds * 1000)))
                        .measurementTime(TimeValue.milliseconds((long) (options.jmhSeconds * 1000)))
                        .output(runDirectory.resolve("jmh.log").toString());
        Collection<RunResult> results = new Runner(builder.build()).run();
        double roundTrip200 = Double.NaN;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String task = result.getParams().getParam("task");
            double micros = result.getPrimaryResult().getScore();
            if (method.equals("roundTrip") && task.equals("200B")) {
                roundTrip200 = micros;
            }
            add(
                    new Row(
                            "jmh",
                            method + " " + task,
                            0,
                            task.equals("200B")
                                    ? SealerBenchmarkSizes.SMALL_BYTES
                                    : SealerBenchmarkSizes.LARGE_BYTES,
                            0,
                            Double.NaN,
                            1e6 / micros,
                            Double.NaN,
                            micros,
                            Double.NaN,
                            Double.NaN,
                            String.format(
                                    Locale.ROOT,
                                    "mean %.3f us/op +- %.3f (JMH avgt; p50 column holds the mean)",
                                    micros,
                                    result.getPrimaryResult().getScoreError())));
        }
        targets.add(
                verdict(
                        roundTrip200 <= 5.0,
                        String.format(
                                Locale.ROOT,
                                "200-byte seal+open %.2f us (target <= 5 us)",
                                roundTrip200)));
    }

    // ---- PerfTest

    private PerfTestRun.Result perfTest(int size, int rate, String logName) throws Exception {
        String queue = "bench-perftest-" + size + (rate > 0 ? "-low" : "");
        out.printf(
                "PerfTest: %d-byte messages, %s, %d s ...%n",
                size, rate > 0 ? rate + " msg/s" : "max rate", options.perfTestSeconds);
        try {
            return PerfTestRun.run(
                    options.broker,
                    queue,
                    size,
                    options.perfTestSeconds,
                    rate,
                    options.publishWindow,
                    options.workerPrefetch,
                    runDirectory.resolve(logName));
        } finally {
            try (Broker broker = Broker.connect(config)) {
                BrokerLink.of(broker).topology().delete(queue);
            }
        }
    }

    private static String cpuNote(PerfTestRun.Result r) {
        return String.format(
                Locale.ROOT,
                "CPU us/msg: perftest %.0f, broker %.0f; ",
                r.clientCpuMicros(),
                r.brokerCpuMicros());
    }

    // ---- Warren

    private void warren(Map<Integer, PerfTestRun.Result> oneHop, PerfTestRun.Result lowRate)
            throws Exception {
        double best = 0;
        int bestWorkers = 0;
        double oneAtATimeP50 = Double.NaN;
        try (Broker broker = Broker.connect(config)) {
            // leftovers of an interrupted run would be counted as this run's work
            BrokerLink.of(broker).topology().delete(Topology.workQueue(NoopTask.QUEUE));
            TaskClient client = new TaskClient(broker);
            try (WorkerFleet fleet = fleet()) {
                for (int workers : options.workers) {
                    out.printf(
                            "Warren: starting worker processes until there are %d ...%n", workers);
                    fleet.growTo(workers);
                    for (int p = 0; p < options.payloads.length; p++) {
                        int payload = options.payloads[p];
                        if (p > 0 && workers != options.workers[0]) {
                            continue; // payload sweep with the first worker count only
                        }
                        int runs = p == 0 ? options.rounds : 1;
                        List<Row> all = new ArrayList<>();
                        for (int round = 0; round < runs; round++) {
                            all.add(
                                    retried(
                                            broker,
                                            () ->
                                                    throughput(
                                                            client,
                                                            fleet,
                                                            workers,
                                                            payload,
                                                            oneHop.get(payload))));
                        }
                        all.sort(java.util.Comparator.comparingDouble(Row::ratePerSecond));
                        Row median = all.get(all.size() / 2);
                        Row row =
                                runs == 1
                                        ? median
                                        : median.withNote(
                                                "median of "
                                                        + runs
                                                        + " runs ("
                                                        + all.stream()
                                                                .map(
                                                                        x ->
                                                                                String.format(
                                                                                        Locale.ROOT,
                                                                                        "%.0f",
                                                                                        x
                                                                                                .ratePerSecond()))
                                                                .reduce((a, b) -> a + " " + b)
                                                                .orElse("")
                                                        + " tasks/s); "
                                                        + median.note());
                        add(row);
                        if (p == 0 && row.ratePerSecond() > best) {
                            best = row.ratePerSecond();
                            bestWorkers = workers;
                        }
                    }
                    if (workers == options.workers[0]) {
                        oneAtATimeP50 = retried(broker, () -> oneAtATime(client, workers, lowRate));
                    }
                }
            } finally {
                client.close();
                BrokerLink.of(broker).topology().delete(Topology.replyQueue(client.clientId()));
            }
        }
        PerfTestRun.Result small = oneHop.get(options.payloads[0]);
        if (small != null) {
            double ratio = best / (small.receiveRate() / 2);
            targets.add(
                    verdict(
                            ratio >= 0.7,
                            String.format(
                                    Locale.ROOT,
                                    "no-op throughput %.0f tasks/s (%d workers) = %.2f x half of PerfTest's %.0f msg/s (target >= 0.7)",
                                    best,
                                    bestWorkers,
                                    ratio,
                                    small.receiveRate())));
        }
        if (lowRate != null) {
            double ratio = oneAtATimeP50 / lowRate.p50();
            targets.add(
                    verdict(
                            ratio <= 2.5,
                            String.format(
                                    Locale.ROOT,
                                    "one-at-a-time round trip p50 %.0f us = %.2f x PerfTest's one-hop p50 %d us at %d msg/s (target <= 2.5)",
                                    oneAtATimeP50,
                                    ratio,
                                    lowRate.p50(),
                                    options.perfTestLowRate)));
        }
    }

    private WorkerFleet fleet() {
        return new WorkerFleet(
                options.workerJar,
                classpath,
                options.broker,
                keys,
                options.workerConcurrency,
                options.workerPrefetch,
                options.workerJvmArgs,
                runDirectory);
    }

    private long tasksFor(int payload) {
        return Math.max(20, Math.min(options.tasks, options.bytesPerRun / Math.max(payload, 1)));
    }

    private int windowFor(int payload) {
        return (int) Math.max(4, Math.min(options.window, (64L << 20) / Math.max(payload, 1)));
    }

    /** Keeps {@code window} tasks in flight; records each round trip. */
    private Row throughput(
            TaskClient client,
            WorkerFleet fleet,
            int workers,
            int payload,
            PerfTestRun.Result perfTest)
            throws Exception {
        long tasks = tasksFor(payload);
        int window = windowFor(payload);
        out.printf(
                "Warren: %d no-op tasks of %d B, %d in flight, %d workers ...%n",
                tasks, payload, window, workers);
        // warm-up, not measured: enough for C2 to compile the client's paths (before it, the
        // client's CPU per task reads 3-4 times higher)
        load(client, payload, Math.max(10, Math.min(tasks, 20_000)), window);
        Recorder recorder = new Recorder(3);
        double clientCpu = CpuMeter.self();
        double workerCpu = fleet.cpuSeconds();
        double brokerCpu = CpuMeter.broker();
        long start = System.nanoTime();
        load(client, payload, tasks, window, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        clientCpu = (CpuMeter.self() - clientCpu) / tasks * 1e6;
        workerCpu = (fleet.cpuSeconds() - workerCpu) / tasks * 1e6;
        brokerCpu = (CpuMeter.broker() - brokerCpu) / tasks * 1e6;
        Histogram h = recorder.getIntervalHistogram();
        double rate = tasks / seconds;
        double ratio = perfTest == null ? Double.NaN : rate / (perfTest.receiveRate() / 2);
        Row row =
                new Row(
                        "warren",
                        "full load",
                        workers,
                        payload,
                        tasks,
                        seconds,
                        rate,
                        ratio,
                        h.getValueAtPercentile(50),
                        h.getValueAtPercentile(99),
                        h.getValueAtPercentile(99.9),
                        String.format(
                                        Locale.ROOT,
                                        "CPU us/task: client %.0f, workers %.0f, broker %.0f; ",
                                        clientCpu,
                                        workerCpu,
                                        brokerCpu)
                                + "window "
                                + window
                                + ", worker concurrency "
                                + options.workerConcurrency
                                + ", prefetch "
                                + options.workerPrefetch
                                + "; ratio = rate / (PerfTest one-hop rate / 2)");
        out.printf(Locale.ROOT, "    %.0f tasks/s%n", rate);
        return row;
    }

    private interface Measurement<T> {
        T run() throws Exception;
    }

    /**
     * Runs a measurement again (twice at most) when it failed, typically because the broker
     * connection was lost during it: other people's failure tests share this broker, and a run that
     * saw a reconnect measures that, not Warren.
     */
    private static <T> T retried(Broker broker, Measurement<T> measurement) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return measurement.run();
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                out.printf(
                        "    run disturbed (%s); waiting for the broker and running it again%n",
                        e.toString().lines().findFirst().orElse(""));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!broker.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                Thread.sleep(5000); // the circuit breaker half-opens; the broken run's tasks drain
            }
        }
    }

    private static void load(TaskClient client, int payload, long tasks, int window)
            throws Exception {
        load(client, payload, tasks, window, null);
    }

    private static void load(
            TaskClient client, int payload, long tasks, int window, Recorder recorder)
            throws Exception {
        byte[] data = new byte[payload];
        Semaphore inFlight = new Semaphore(window);
        CountDownLatch done = new CountDownLatch((int) tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long i = 0; i < tasks && failure.get() == null; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.submit(new NoopTask(data))
                    .result()
                    .whenComplete(
                            (length, error) -> {
                                if (recorder != null) {
                                    recorder.recordValue((System.nanoTime() - sent) / 1000);
                                }
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                                inFlight.release();
                                done.countDown();
                            });
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!done.await(1, TimeUnit.SECONDS)
                && failure.get() == null
                && System.nanoTime() < deadline) {
            // waiting for the last replies
        }
        if (done.getCount() > 0 || failure.get() != null) {
            throw new IllegalStateException(
                    "throughput run failed: " + failure.get() + ", " + done.getCount() + " left");
        }
    }

    /** Submits one task, waits for its result, repeats. */
    private double oneAtATime(TaskClient client, int workers, PerfTestRun.Result lowRate) {
        int payload = options.payloads[0];
        out.printf(
                "Warren: %d round trips one at a time, %d B, %d workers ...%n",
                options.latencySamples, payload, workers);
        byte[] data = new byte[payload];
        for (int i = 0; i < Math.max(20, options.latencySamples / 5); i++) {
            client.submit(new NoopTask(data)).await(Duration.ofSeconds(30));
        }
        Histogram h = new Histogram(3);
        long start = System.nanoTime();
        for (int i = 0; i < options.latencySamples; i++) {
            long sent = System.nanoTime();
            client.submit(new NoopTask(data)).await(Duration.ofSeconds(30));
            h.recordValue((System.nanoTime() - sent) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double p50 = h.getValueAtPercentile(50);
        add(
                new Row(
                        "warren",
                        "one at a time",
                        workers,
                        payload,
                        options.latencySamples,
                        seconds,
                        options.latencySamples / seconds,
                        lowRate == null ? Double.NaN : p50 / lowRate.p50(),
                        p50,
                        h.getValueAtPercentile(99),
                        h.getValueAtPercentile(99.9),
                        "ratio = p50 / PerfTest one-hop p50 at low rate"));
        return p50;
    }

    // ---- Backlog and client heap

    private static final Pattern PROBE =
            Pattern.compile(
                    "RESULT count=(\\d+) seconds=([0-9.]+) rate=([0-9.]+) failures=(\\d+) peakUsedMiB=([0-9.]+) peakAfterGcMiB=([0-9.]+) maxHeapMiB=([0-9.]+) gcs=(\\d+)");

    private void backlog() throws Exception {
        if (options.backlog <= 0) {
            return;
        }
        int payload = options.payloads[0];
        String workQueue = Topology.workQueue(NoopTask.QUEUE);
        out.printf(
                "Backlog: enqueueing %d tasks of %d B from a client JVM with -Xmx%s, no worker running ...%n",
                options.backlog, payload, options.clientHeap);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.clientHeap);
        command.add("-Xlog:gc:file=" + runDirectory.resolve("client-heap-gc.log"));
        command.addAll(options.probeJvmArgs);
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        ClientHeapProbe.class.getName(),
                        options.broker,
                        Long.toString(options.backlog),
                        Integer.toString(payload)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WARREN_KEYS", keys);
        builder.environment().put("WARREN_LOG_LEVEL", "WARN");
        builder.redirectError(runDirectory.resolve("client-heap.log").toFile());
        Process probe = builder.start();
        Matcher result = null;
        String failure = "";
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = PROBE.matcher(line);
                if (m.find()) {
                    result = m;
                } else if (line.startsWith("FIRST-FAILURE")) {
                    failure = line;
                }
            }
        }
        int exit = probe.waitFor();
        if (result == null) {
            targets.add(
                    "MISSED  client heap: the enqueuing client failed (exit "
                            + exit
                            + ") "
                            + failure
                            + "; see "
                            + runDirectory.resolve("client-heap.log"));
            return;
        }
        long count = Long.parseLong(result.group(1));
        double afterGc = Double.parseDouble(result.group(6));
        double peak = Double.parseDouble(result.group(5));
        add(
                new Row(
                        "backlog",
                        "enqueueAsync (fill)",
                        0,
                        payload,
                        count,
                        Double.parseDouble(result.group(2)),
                        Double.parseDouble(result.group(3)),
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        String.format(
                                Locale.ROOT,
                                "client -Xmx%s: heap peak %.1f MiB, peak after GC %.1f MiB, %s GCs, %s failures",
                                options.clientHeap,
                                peak,
                                afterGc,
                                result.group(8),
                                result.group(4))));
        targets.add(
                verdict(
                        exit == 0 && afterGc < 256 && peak < 256,
                        String.format(
                                Locale.ROOT,
                                "client heap while enqueueing %d tasks: peak %.1f MiB, live after GC at most %.1f MiB, under -Xmx%s (target < 256 MB)",
                                count,
                                peak,
                                afterGc,
                                options.clientHeap)));
        out.printf("Backlog: draining with %d worker processes ...%n", options.drainWorkers);
        try (Broker broker = Broker.connect(config);
                WorkerFleet fleet = fleet()) {
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
                    out.println("    cannot read the queue depth (" + e.getMessage() + "); again");
                }
            }
            double seconds = (System.nanoTime() - readyAt) / 1e9;
            add(
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
                                    + (left > 0 ? "; NOT EMPTIED: " + left + " left" : "")));
        } finally {
            try (Broker broker = Broker.connect(config)) {
                BrokerLink.of(broker).topology().delete(workQueue);
                BrokerLink.of(broker).topology().delete(Topology.deadLetterQueue(NoopTask.QUEUE));
            }
        }
    }

    // ---- output

    private static String verdict(boolean met, String text) {
        return (met ? "MET     " : "MISSED  ") + text;
    }

    private void printTable() {
        String format = "%-9s %-22s %7s %9s %9s %8s %10s %6s %10s %10s %10s%n";
        out.printf(
                format,
                "section",
                "what",
                "workers",
                "payload",
                "messages",
                "seconds",
                "rate/s",
                "ratio",
                "p50 us",
                "p99 us",
                "p99.9 us");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    format,
                    r.section(),
                    r.what(),
                    r.workers() == 0 ? "" : Integer.toString(r.workers()),
                    r.payloadBytes() + " B",
                    r.messages() == 0 ? "" : Long.toString(r.messages()),
                    fixed(r.seconds(), 1),
                    fixed(r.ratePerSecond(), 0),
                    fixed(r.ratio(), 2),
                    fixed(r.p50Micros(), r.section().equals("jmh") ? 3 : 0),
                    fixed(r.p99Micros(), 0),
                    fixed(r.p999Micros(), 0));
        }
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void writeCsv() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Row.CSV_HEADER);
        rows.forEach(r -> lines.add(r.csv()));
        Files.write(runDirectory.resolve("results.csv"), lines);
        Files.write(
                options.results.resolve(options.smoke ? "smoke-latest.csv" : "latest.csv"), lines);
    }

    /** The jar or classes directory holding the benchmark tasks: the workers' --classpath. */
    private static String ownLocation() {
        try {
            return Path.of(
                            BenchmarkCatalog.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
