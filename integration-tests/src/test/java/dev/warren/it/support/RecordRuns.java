package dev.warren.it.support;

import dev.warren.it.tasks.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What a run of {@link Record} tasks 0 to {@code tasks - 1} came to, as a Jepsen queue check
 * classifies it: results missing or wrong (lost), tasks the executions directory never saw run, and
 * the executions beyond the first of each task (duplicates, which at-least-once allows).
 */
public record RecordRuns(int lost, int neverRan, int duplicates) {

    /**
     * @param results the results of {@code map}, in task order
     * @param executions the directory the tasks appended their index to
     */
    public static RecordRuns of(List<Integer> results, Path executions, int tasks)
            throws IOException {
        int lost = 0;
        for (int i = 0; i < tasks; i++) {
            if (results.get(i) == null || results.get(i) != i * 2) {
                lost++;
            }
        }
        int[] runs = executionsPerTask(executions, tasks);
        int neverRan = (int) IntStream.of(runs).filter(n -> n == 0).count();
        int duplicates = IntStream.of(runs).map(n -> Math.max(0, n - 1)).sum();
        return new RecordRuns(lost, neverRan, duplicates);
    }

    private static int[] executionsPerTask(Path directory, int tasks) throws IOException {
        int[] runs = new int[tasks];
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        runs[Integer.parseInt(line.strip())]++;
                    }
                }
            }
        }
        return runs;
    }
}
