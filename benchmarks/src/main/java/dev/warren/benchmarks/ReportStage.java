package dev.warren.benchmarks;

import java.io.IOException;

/** The end of a run: the table of every row, the CSV, and the verdict on each target. */
final class ReportStage {
    private final BenchmarkRun run;

    ReportStage(BenchmarkRun run) {
        this.run = run;
    }

    void run(long startedNanos) throws IOException {
        Results results = run.results();
        System.out.println();
        System.out.print(ResultsTable.render(results.rows()));
        results.csv().write(results.rows());
        System.out.println();
        System.out.println(TargetVerdicts.heading(run.smoke()));
        results.verdicts().forEach(verdict -> System.out.println("  " + verdict));
        System.out.printf(
                "%nFinished in %.0f s. CSV: %s%n",
                (System.nanoTime() - startedNanos) / 1e9, results.csv().latest());
    }
}
