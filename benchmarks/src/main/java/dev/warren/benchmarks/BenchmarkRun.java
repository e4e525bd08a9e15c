package dev.warren.benchmarks;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the stages of one run share: its folder for logs and CSV, the signing keys it made for
 * itself, the client's configuration and the results so far.
 *
 * @param taskClasspath the jar or classes directory with the benchmark tasks: the workers' {@code
 *     --classpath}
 */
record BenchmarkRun(
        boolean smoke,
        String brokerUri,
        Path directory,
        String keys,
        WarrenConfig config,
        String taskClasspath,
        Results results) {

    static BenchmarkRun start(
            boolean smoke, String brokerUri, Path resultsDirectory, int publishWindow)
            throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path directory = resultsDirectory.resolve((smoke ? "smoke-" : "run-") + stamp);
        Files.createDirectories(directory);
        String keys = SigningKeys.generate("bench");
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(brokerUri)
                        .signingKeys(SigningKeys.parse(keys, "benchmark"))
                        .catalog(new BenchmarkCatalog())
                        .publishWindow(publishWindow)
                        .connectionName("warren-bench")
                        .build();
        return new BenchmarkRun(
                smoke,
                brokerUri,
                directory,
                keys,
                config,
                WorkerLauncher.locationOf(BenchmarkCatalog.class),
                new Results(new ResultsCsv(directory, resultsDirectory, smoke)));
    }

    WorkerFleet fleet(WorkerOptions workers) {
        return new WorkerFleet(
                workers.jar,
                taskClasspath,
                brokerUri,
                keys,
                workers.concurrency,
                workers.prefetch,
                workers.jvmArgs,
                directory);
    }
}
