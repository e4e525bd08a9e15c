package dev.warren.benchmarks;

import picocli.CommandLine.Option;

/** The flags of Warren's end-to-end runs: full load and one at a time. */
final class LoadOptions {
    @Option(
            names = "--tasks",
            paramLabel = "N",
            defaultValue = "60000",
            description = "Tasks per throughput run (default: ${DEFAULT-VALUE})")
    long tasks;

    @Option(
            names = "--bytes-per-run",
            paramLabel = "N",
            defaultValue = "1073741824",
            description = "Caps tasks x payload per run (default: ${DEFAULT-VALUE}, 1 GiB)")
    long bytesPerRun;

    @Option(
            names = "--window",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Tasks in flight at full load (default: ${DEFAULT-VALUE})")
    int window;

    @Option(
            names = "--latency-samples",
            paramLabel = "N",
            defaultValue = "2000",
            description = "One-at-a-time round trips (default: ${DEFAULT-VALUE})")
    int latencySamples;

    @Option(
            names = "--workers",
            paramLabel = "N",
            split = "\\s*,\\s*",
            splitSynopsisLabel = ",",
            defaultValue = "1,2,4",
            description =
                    "Worker processes for the scaling runs; the payload sweep and the"
                            + " one-at-a-time run use the first (default: ${DEFAULT-VALUE})")
    int[] workers;
}
