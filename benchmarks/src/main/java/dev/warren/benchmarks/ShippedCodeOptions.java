package dev.warren.benchmarks;

import picocli.CommandLine.Option;

/** The shipped-code mode: workers from the worker jar alone against workers with the jar. */
final class ShippedCodeOptions {
    @Option(
            names = "--shipped-code",
            description =
                    "Only PerfTest and the shipped-code comparison: a cold worker's first result,"
                            + " and cached shipped code against the jar, in alternating pairs")
    boolean enabled;

    @Option(
            names = "--shipped-pairs",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Pairs of fresh workers (one shipped, one with the jar) (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(
            names = "--shipped-tasks",
            paramLabel = "N",
            defaultValue = "10000",
            description =
                    "No-op tasks per side and pair at full load, after as many again to warm up"
                            + " (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(
            names = "--shipped-samples",
            paramLabel = "N",
            defaultValue = "300",
            description = "One-at-a-time round trips per side and pair (default: ${DEFAULT-VALUE})")
    int samples;
}
