package dev.warren.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results as CSV, in the run's folder and as {@code latest.csv} ({@code smoke-latest.csv} for a
 * smoke run) beside it, for whatever reads the latest figures.
 */
final class ResultsCsv {
    private final Path inRunDirectory;
    private final Path latest;

    ResultsCsv(Path runDirectory, Path resultsDirectory, boolean smoke) {
        this.inRunDirectory = runDirectory.resolve("results.csv");
        this.latest = latestOf(resultsDirectory, smoke);
    }

    static Path latestOf(Path resultsDirectory, boolean smoke) {
        return resultsDirectory.resolve(smoke ? "smoke-latest.csv" : "latest.csv");
    }

    static List<String> lines(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(Row.CSV_HEADER);
        rows.forEach(r -> lines.add(r.csv()));
        return lines;
    }

    Path latest() {
        return latest;
    }

    void write(List<Row> rows) throws IOException {
        List<String> lines = lines(rows);
        Files.write(inRunDirectory, lines);
        Files.write(latest, lines);
    }
}
