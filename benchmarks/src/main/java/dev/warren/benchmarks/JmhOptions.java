package dev.warren.benchmarks;

import picocli.CommandLine.Option;

/** The flags of the JMH stage. */
final class JmhOptions {
    @Option(names = "--no-jmh", description = "Skip the JMH benchmarks of the message sealer")
    boolean skip;

    @Option(
            names = "--jmh-forks",
            paramLabel = "N",
            defaultValue = "1",
            description = "JMH forks (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(
            names = "--jmh-iterations",
            paramLabel = "N",
            defaultValue = "5",
            description = "JMH measured iterations (default: ${DEFAULT-VALUE})")
    int iterations;
}
