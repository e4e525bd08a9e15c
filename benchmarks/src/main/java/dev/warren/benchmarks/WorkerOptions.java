package dev.warren.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the {@code warren-worker} processes are started. */
final class WorkerOptions {
    @Option(
            names = "--worker-jar",
            paramLabel = "PATH",
            defaultValue = "worker-cli/target/warren-worker.jar",
            description = "The worker-cli jar (default: ${DEFAULT-VALUE})")
    Path jar;

    @Option(
            names = "--worker-concurrency",
            paramLabel = "N",
            defaultValue = "2",
            description = "Threads per worker (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--worker-prefetch",
            paramLabel = "N",
            defaultValue = "250",
            description =
                    "Prefetch per worker, and PerfTest's consumer's (default: ${DEFAULT-VALUE})")
    int prefetch;

    @Option(
            names = "--worker-jvm-arg",
            paramLabel = "ARG",
            description = "Extra JVM option for the workers (repeatable; e.g. JFR)")
    List<String> jvmArgs = new ArrayList<>();
}
