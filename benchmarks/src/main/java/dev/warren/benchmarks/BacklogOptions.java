package dev.warren.benchmarks;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of the backlog stage: the enqueuing client's JVM and the draining workers. */
final class BacklogOptions {
    @Option(
            names = "--backlog",
            paramLabel = "N",
            defaultValue = "1000000",
            description =
                    "Tasks enqueued then drained; 0 skips the stage (default: ${DEFAULT-VALUE})")
    long tasks;

    @Option(
            names = "--drain-workers",
            paramLabel = "N",
            defaultValue = "2",
            description = "Workers draining the backlog (default: ${DEFAULT-VALUE})")
    int drainWorkers;

    @Option(
            names = "--client-heap",
            paramLabel = "SIZE",
            defaultValue = "256m",
            description = "-Xmx of the enqueuing client (default: ${DEFAULT-VALUE})")
    String clientHeap;

    @Option(
            names = "--probe-jvm-arg",
            paramLabel = "ARG",
            description = "Extra JVM option for the enqueuing client (repeatable)")
    List<String> probeJvmArgs = new ArrayList<>();
}
