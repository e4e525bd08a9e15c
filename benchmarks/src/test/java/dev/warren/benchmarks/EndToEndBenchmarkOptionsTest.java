package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EndToEndBenchmarkOptionsTest {
    @Test
    void aFullRunHasTheFullCounts() {
        EndToEndBenchmark command = parse();
        assertThat(command.smoke).isFalse();
        assertThat(command.broker).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        assertThat(command.results).isEqualTo(Path.of("benchmarks/results"));
        assertThat(command.rounds).isEqualTo(3);
        assertThat(command.payloads).containsExactly(100, 10240, 1048576);
        assertThat(command.publishWindow).isEqualTo(256);
        assertThat(command.jmh.skip).isFalse();
        assertThat(command.jmh.forks).isEqualTo(1);
        assertThat(command.jmh.iterations).isEqualTo(5);
        assertThat(command.perfTest.skip).isFalse();
        assertThat(command.perfTest.seconds).isEqualTo(15);
        assertThat(command.perfTest.lowRate).isEqualTo(100);
        assertThat(command.load.tasks).isEqualTo(60_000);
        assertThat(command.load.bytesPerRun).isEqualTo(1L << 30);
        assertThat(command.load.window).isEqualTo(1_000);
        assertThat(command.load.latencySamples).isEqualTo(2_000);
        assertThat(command.load.workers).containsExactly(1, 2, 4);
        assertThat(command.workers.jar).isEqualTo(Path.of("worker-cli/target/warren-worker.jar"));
        assertThat(command.workers.concurrency).isEqualTo(2);
        assertThat(command.workers.prefetch).isEqualTo(250);
        assertThat(command.workers.jvmArgs).isEmpty();
        assertThat(command.backlog.tasks).isEqualTo(1_000_000);
        assertThat(command.backlog.drainWorkers).isEqualTo(2);
        assertThat(command.backlog.clientHeap).isEqualTo("256m");
        assertThat(command.backlog.probeJvmArgs).isEmpty();
    }

    @Test
    void aSmokeRunHasTinyCounts() {
        EndToEndBenchmark command = parse("--smoke");
        assertThat(command.smoke).isTrue();
        assertThat(command.jmh.iterations).isEqualTo(1);
        assertThat(command.perfTest.seconds).isEqualTo(2);
        assertThat(command.rounds).isEqualTo(1);
        assertThat(command.perfTest.lowRate).isEqualTo(50);
        assertThat(command.load.tasks).isEqualTo(1_000);
        assertThat(command.load.bytesPerRun).isEqualTo(8L << 20);
        assertThat(command.load.latencySamples).isEqualTo(50);
        assertThat(command.load.workers).containsExactly(1, 2);
        assertThat(command.payloads).containsExactly(100, 10240);
        assertThat(command.backlog.tasks).isEqualTo(2_000);
        assertThat(command.backlog.drainWorkers).isEqualTo(1);
        assertThat(command.load.window).isEqualTo(1_000);
        assertThat(command.jmh.forks).isEqualTo(1);
    }

    @Test
    void aFlagBesideSmokeWinsOverItsSmokeCount() {
        EndToEndBenchmark command =
                parse("--rounds", "5", "--smoke", "--workers", "3", "--payloads", "64, 128");
        assertThat(command.rounds).isEqualTo(5);
        assertThat(command.load.workers).containsExactly(3);
        assertThat(command.payloads).containsExactly(64, 128);
        assertThat(command.load.tasks).isEqualTo(1_000);
    }

    @Test
    void everyFlagKeepsItsName() {
        EndToEndBenchmark command =
                parse(
                        "--no-jmh", "--no-perftest",
                        "--broker", "amqp://u:p@host:5673",
                        "--worker-jar", "w.jar",
                        "--results", "out",
                        "--jmh-forks", "2",
                        "--jmh-iterations", "7",
                        "--perftest-seconds", "9",
                        "--perftest-low-rate", "20",
                        "--tasks", "30",
                        "--bytes-per-run", "4096",
                        "--window", "8",
                        "--latency-samples", "11",
                        "--worker-concurrency", "4",
                        "--worker-prefetch", "16",
                        "--publish-window", "32",
                        "--backlog", "0",
                        "--drain-workers", "3",
                        "--client-heap", "64m");
        assertThat(command.jmh.skip).isTrue();
        assertThat(command.perfTest.skip).isTrue();
        assertThat(command.broker).isEqualTo("amqp://u:p@host:5673");
        assertThat(command.workers.jar).isEqualTo(Path.of("w.jar"));
        assertThat(command.results).isEqualTo(Path.of("out"));
        assertThat(command.jmh.forks).isEqualTo(2);
        assertThat(command.jmh.iterations).isEqualTo(7);
        assertThat(command.perfTest.seconds).isEqualTo(9);
        assertThat(command.perfTest.lowRate).isEqualTo(20);
        assertThat(command.load.tasks).isEqualTo(30);
        assertThat(command.load.bytesPerRun).isEqualTo(4096);
        assertThat(command.load.window).isEqualTo(8);
        assertThat(command.load.latencySamples).isEqualTo(11);
        assertThat(command.workers.concurrency).isEqualTo(4);
        assertThat(command.workers.prefetch).isEqualTo(16);
        assertThat(command.publishWindow).isEqualTo(32);
        assertThat(command.backlog.tasks).isZero();
        assertThat(command.backlog.drainWorkers).isEqualTo(3);
        assertThat(command.backlog.clientHeap).isEqualTo("64m");
    }

    @Test
    void jvmArgumentsRepeatAndMayLookLikeOptions() {
        EndToEndBenchmark command =
                parse(
                        "--worker-jvm-arg",
                        "-XX:StartFlightRecording=filename=worker.jfr,settings=profile",
                        "--worker-jvm-arg",
                        "-Xmx512m",
                        "--probe-jvm-arg",
                        "-verbose:gc");
        assertThat(command.workers.jvmArgs)
                .containsExactly(
                        "-XX:StartFlightRecording=filename=worker.jfr,settings=profile",
                        "-Xmx512m");
        assertThat(command.backlog.probeJvmArgs).containsExactly("-verbose:gc");
    }

    @Test
    void helpListsEveryFlagAndExitsZero() {
        StringWriter help = new StringWriter();
        CommandLine commandLine = EndToEndBenchmark.commandLine(new String[] {"--help"});
        commandLine.setOut(new PrintWriter(help));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(help.toString())
                .contains("Usage: benchmarks/run.sh")
                .contains("--smoke", "--no-jmh", "--no-perftest", "--worker-jvm-arg")
                .contains("default: 60000");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitCodeTwo() {
        StringWriter error = new StringWriter();
        CommandLine commandLine = EndToEndBenchmark.commandLine(new String[] {"--fast"});
        commandLine.setErr(new PrintWriter(error));
        assertThat(commandLine.execute("--fast")).isEqualTo(2);
        assertThat(error.toString())
                .isEqualTo("Unknown option: '--fast' (see --help)" + System.lineSeparator());
    }

    private static EndToEndBenchmark parse(String... args) {
        CommandLine commandLine = EndToEndBenchmark.commandLine(args);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }
}
