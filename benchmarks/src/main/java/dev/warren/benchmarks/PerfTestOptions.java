package dev.warren.benchmarks;

import picocli.CommandLine.Option;

/** The flags of the PerfTest stage. */
final class PerfTestOptions {
    @Option(names = "--no-perftest", description = "Skip the PerfTest baseline (ratios stay empty)")
    boolean skip;

    @Option(
            names = "--perftest-seconds",
            paramLabel = "N",
            defaultValue = "15",
            description = "Length of each PerfTest run in seconds (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--perftest-low-rate",
            paramLabel = "N",
            defaultValue = "100",
            description = "msg/s of PerfTest's latency run (default: ${DEFAULT-VALUE})")
    int lowRate;
}
