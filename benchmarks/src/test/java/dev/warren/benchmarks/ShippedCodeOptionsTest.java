package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShippedCodeOptionsTest {
    @Test
    void theModeIsOffUnlessAskedForAndHasSeveralPairs() {
        EndToEndBenchmark command = parse();
        assertThat(command.shippedCode.enabled).isFalse();
        assertThat(command.shippedCode.pairs).isEqualTo(5);
        assertThat(command.shippedCode.tasks).isEqualTo(10_000);
        assertThat(command.shippedCode.samples).isEqualTo(300);
    }

    @Test
    void withSmokeItRunsOnePairOfTinyCounts() {
        EndToEndBenchmark command = parse("--shipped-code", "--smoke");
        assertThat(command.shippedCode.enabled).isTrue();
        assertThat(command.shippedCode.pairs).isEqualTo(1);
        assertThat(command.shippedCode.tasks).isEqualTo(200);
        assertThat(command.shippedCode.samples).isEqualTo(20);
    }

    @Test
    void itsCountsHaveFlagsOfTheirOwn() {
        EndToEndBenchmark command =
                parse(
                        "--shipped-code",
                        "--shipped-pairs",
                        "7",
                        "--shipped-tasks",
                        "50",
                        "--shipped-samples",
                        "9");
        assertThat(command.shippedCode.pairs).isEqualTo(7);
        assertThat(command.shippedCode.tasks).isEqualTo(50);
        assertThat(command.shippedCode.samples).isEqualTo(9);
    }

    private static EndToEndBenchmark parse(String... args) {
        CommandLine commandLine = EndToEndBenchmark.commandLine(args);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }
}
