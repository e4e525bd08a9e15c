/**
 * The benchmark harness run by {@code benchmarks/run.sh}: one class per stage (JMH, PerfTest,
 * throughput, backlog, report) wired by the {@code EndToEndBenchmark} command, and the pure pieces
 * (medians, ratios, verdicts, table, CSV) they share.
 *
 * <p>Not an API; see {@code docs/benchmarks.md}.
 */
package dev.warren.benchmarks;
