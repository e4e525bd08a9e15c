package dev.warren.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark: on one broker, in one run, the sealer under JMH, RabbitMQ PerfTest's
 * one-hop rate and latency, Warren's no-op task round trips through worker processes, then a
 * backlog of enqueued tasks drained, with the client's heap measured in its own JVM. Prints a
 * table, writes CSV under {@code benchmarks/results/}, and says which performance targets were met.
 * Never fails on a timing: a miss is reported, not asserted.
 *
 * <pre>
 * benchmarks/run.sh            # everything (about 15 minutes on 2 cores)
 * benchmarks/run.sh --smoke    # every path once, tiny counts, no timing worth reading
 * benchmarks/run.sh --shipped-code   # PerfTest, then shipped code against the jar
 * benchmarks/run.sh --help
 * </pre>
 */
@Command(
        name = "benchmarks/run.sh",
        sortOptions = false,
        customSynopsis = "benchmarks/run.sh [--smoke] [OPTIONS]",
        description = {
            "JMH, PerfTest baseline, Warren end to end, backlog and client heap, on one broker.",
            "Timings are reported, never asserted."
        },
        optionListHeading = "%nOptions:%n")
public final class EndToEndBenchmark implements Callable<Integer> {
    @Option(
            names = "--smoke",
            description = "Tiny counts: every path once, in seconds (CI); other flags still apply")
    boolean smoke;

    @Option(
            names = "--broker",
            paramLabel = "URI",
            defaultValue = "amqp://guest:guest@127.0.0.1:5672",
            description = "RabbitMQ URI (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(
            names = "--results",
            paramLabel = "DIR",
            defaultValue = "benchmarks/results",
            description = "Where the CSV and each run's logs go (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "Runs of the first payload's max-rate PerfTest and of each of its Warren"
                            + " full-load runs; the median counts (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--payloads",
            paramLabel = "N",
            split = "\\s*,\\s*",
            splitSynopsisLabel = ",",
            defaultValue = "100,10240,1048576",
            description =
                    "Task payload bytes; the first is the no-op task (default: ${DEFAULT-VALUE})")
    int[] payloads;

    @Option(
            names = "--publish-window",
            paramLabel = "N",
            defaultValue = "256",
            description =
                    "Client's unconfirmed publishes, and PerfTest's confirm window (default: ${DEFAULT-VALUE})")
    int publishWindow;

    @Mixin JmhOptions jmh = new JmhOptions();
    @Mixin PerfTestOptions perfTest = new PerfTestOptions();
    @Mixin LoadOptions load = new LoadOptions();
    @Mixin WorkerOptions workers = new WorkerOptions();
    @Mixin BacklogOptions backlog = new BacklogOptions();
    @Mixin ShippedCodeOptions shippedCode = new ShippedCodeOptions();

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit")
    boolean help;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    static CommandLine commandLine(String[] args) {
        return new CommandLine(new EndToEndBenchmark())
                .setDefaultValueProvider(SmokeDefaults.forArguments(args))
                .setParameterExceptionHandler(
                        (e, arguments) -> {
                            e.getCommandLine().getErr().println(e.getMessage() + " (see --help)");
                            return CommandLine.ExitCode.USAGE;
                        });
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workers.jar)) {
            System.err.println(
                    "worker jar not found at "
                            + workers.jar.toAbsolutePath()
                            + ": build it with ./mvnw -q -DskipTests install, or pass --worker-jar");
            return 2;
        }
        long started = System.nanoTime();
        BenchmarkRun run = BenchmarkRun.start(smoke, broker, results, publishWindow);
        System.out.printf(
                "Warren benchmarks%s: %d cores, Java %s, broker %s; logs in %s%n",
                smoke ? " (SMOKE: counts too small for the figures to mean anything)" : "",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                run.config().brokerAddressForHumans(),
                run.directory());
        try {
            if (!jmh.skip && !shippedCode.enabled) {
                new JmhStage(run, JmhSchedule.of(smoke, jmh.forks, jmh.iterations)).run();
            }
            OneHopBaseline baseline =
                    perfTest.skip
                            ? OneHopBaseline.none()
                            : new PerfTestStage(
                                            run,
                                            perfTest,
                                            shippedCode.enabled
                                                    ? new int[] {payloads[0]}
                                                    : payloads,
                                            rounds,
                                            publishWindow,
                                            workers.prefetch)
                                    .run();
            if (shippedCode.enabled) {
                new ShippedCodeStage(run, shippedCode, workers, load, baseline).run();
            } else {
                new ThroughputStage(run, load, workers, payloads, rounds).run(baseline);
                new BacklogStage(run, backlog, workers, payloads[0]).run();
            }
        } finally {
            deleteNoopQueues(run);
        }
        new ReportStage(run).run(started);
        return 0;
    }

    /** Must not hide why a stage failed, which is often the broker itself. */
    private static void deleteNoopQueues(BenchmarkRun run) {
        try {
            BenchmarkQueues.deleteNoopQueues(run.config());
        } catch (RuntimeException e) {
            System.out.println("    cannot delete the benchmark's queues: " + e);
        }
    }
}
