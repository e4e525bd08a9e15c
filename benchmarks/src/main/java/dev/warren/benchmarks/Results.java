package dev.warren.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows and target verdicts the stages of one run add. Each row is printed and the CSV rewritten
 * as it comes, so a run cut short still leaves its figures.
 */
final class Results {
    private final List<Row> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final ResultsCsv csv;

    Results(ResultsCsv csv) {
        this.csv = csv;
    }

    void add(Row row) {
        rows.add(row);
        try {
            csv.write(rows);
        } catch (IOException e) {
            System.out.println("    cannot write the CSV: " + e);
        }
        System.out.print(ResultsTable.progressLine(row));
    }

    void verdict(String verdict) {
        verdicts.add(verdict);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<String> verdicts() {
        return List.copyOf(verdicts);
    }

    ResultsCsv csv() {
        return csv;
    }
}
