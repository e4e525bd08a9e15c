package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    @TempDir Path results;

    @Test
    void theColumnsAreTheOnesTheReadersOfLatestCsvExpect() {
        assertThat(ResultsCsv.lines(List.of()))
                .containsExactly(
                        "section,what,workers,payload_bytes,messages,seconds,rate_per_s,ratio,p50_us,p99_us,p999_us,note");
    }

    @Test
    void aRowHasThreeDecimalsEmptyCellsForWhatDoesNotApplyAndQuotedText() {
        Row row = ResultsTableTest.JMH.withNote("mean \"1.738\" us/op");
        assertThat(ResultsCsv.lines(List.of(row)))
                .element(1)
                .isEqualTo(
                        "jmh,\"roundTrip 200B\",0,216,0,,575381.200,,1.738,,,\"mean '1.738' us/op\"");
    }

    @Test
    void writesTheRunsCsvAndTheLatestBesideTheRuns() throws IOException {
        Path run = Files.createDirectory(results.resolve("smoke-20261201-120000"));
        ResultsCsv csv = new ResultsCsv(run, results, true);
        csv.write(List.of(ResultsTableTest.FULL_LOAD));
        assertThat(csv.latest()).isEqualTo(results.resolve("smoke-latest.csv"));
        assertThat(Files.readAllLines(csv.latest()))
                .isEqualTo(Files.readAllLines(run.resolve("results.csv")))
                .hasSize(2);
        assertThat(ResultsCsv.latestOf(results, false)).isEqualTo(results.resolve("latest.csv"));
    }
}
