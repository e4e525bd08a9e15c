package dev.warren.benchmarks;

import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The two kinds of worker process of the shipped-code pairs, started alike but for where the task
 * classes come from; each logs to {@code shipped-N.log} or {@code jar-N.log} in the run's folder.
 */
final class ShippedCodeWorkers {
    private final BenchmarkRun run;
    private final WorkerOptions options;

    ShippedCodeWorkers(BenchmarkRun run, WorkerOptions options) {
        this.run = run;
        this.options = options;
    }

    /** From the worker jar alone: no {@code --classpath}, {@code --accept-code}, this cache. */
    JvmProcess acceptingCode(String queue, Path bundleCache, int pair) throws IOException {
        return launcher(queue, "shipped-" + pair)
                .options("--accept-code", "--bundle-cache", bundleCache.toString())
                .launch();
    }

    /** With the benchmark classes on {@code --classpath}. */
    JvmProcess withJar(String queue, int pair) throws IOException {
        return launcher(queue, "jar-" + pair).taskClasspath(run.taskClasspath()).launch();
    }

    private WorkerLauncher launcher(String queue, String log) {
        return WorkerLauncher.fromJar(options.jar)
                .broker(URI.create(run.brokerUri()))
                .keys(run.keys())
                .logLevel("WARN")
                .jvmArgs(options.jvmArgs)
                .queues(queue)
                .concurrency(options.concurrency)
                .prefetch(options.prefetch)
                .shutdownTimeout(Duration.ofSeconds(30))
                .readyTimeout(Duration.ofMinutes(3))
                .logFile(run.directory().resolve(log + ".log"));
    }
}
