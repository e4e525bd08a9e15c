package dev.warren.benchmarks;

import java.nio.file.Path;
import java.util.Locale;

/** The performance targets and the line that says whether a run met each; never asserted. */
final class TargetVerdicts {
    static final double SEAL_ROUND_TRIP_MICROS = 5.0;
    static final double THROUGHPUT_RATIO = 0.7;
    static final double LATENCY_RATIO = 2.5;
    static final double CLIENT_HEAP_MIB = 256;

    private TargetVerdicts() {}

    static String heading(boolean smoke) {
        return smoke
                ? "Targets -- SMOKE run, counts far too small: these verdicts mean nothing:"
                : "Targets (reported, never asserted):";
    }

    /** A missing JMH figure ({@code NaN}) misses the target. */
    static String sealRoundTrip(double micros) {
        return verdict(
                micros <= SEAL_ROUND_TRIP_MICROS,
                String.format(Locale.ROOT, "200-byte seal+open %.2f us (target <= 5 us)", micros));
    }

    /**
     * @param ratio the best no-op rate over half of PerfTest's one-hop rate ({@link
     *     OneHopBaseline#throughputRatio})
     */
    static String throughput(double tasksPerSecond, int workers, double ratio, double oneHopRate) {
        return verdict(
                ratio >= THROUGHPUT_RATIO,
                String.format(
                        Locale.ROOT,
                        "no-op throughput %.0f tasks/s (%d workers) = %.2f x half of PerfTest's %.0f msg/s (target >= 0.7)",
                        tasksPerSecond,
                        workers,
                        ratio,
                        oneHopRate));
    }

    static String latency(double p50Micros, double ratio, long oneHopP50Micros, int oneHopRate) {
        return verdict(
                ratio <= LATENCY_RATIO,
                String.format(
                        Locale.ROOT,
                        "one-at-a-time round trip p50 %.0f us = %.2f x PerfTest's one-hop p50 %d us at %d msg/s (target <= 2.5)",
                        p50Micros,
                        ratio,
                        oneHopP50Micros,
                        oneHopRate));
    }

    static String clientHeap(ClientHeapFigures figures, boolean exitedCleanly, String maxHeap) {
        return verdict(
                exitedCleanly
                        && figures.peakAfterGcMiB() < CLIENT_HEAP_MIB
                        && figures.peakUsedMiB() < CLIENT_HEAP_MIB,
                String.format(
                        Locale.ROOT,
                        "client heap while enqueueing %d tasks: peak %.1f MiB, live after GC at most %.1f MiB, under -Xmx%s (target < 256 MB)",
                        figures.count(),
                        figures.peakUsedMiB(),
                        figures.peakAfterGcMiB(),
                        maxHeap));
    }

    static String clientHeapUnmeasured(int exitCode, String failure, Path log) {
        return verdict(
                false,
                "client heap: the enqueuing client failed (exit "
                        + exitCode
                        + ") "
                        + failure
                        + "; see "
                        + log);
    }

    private static String verdict(boolean met, String text) {
        return (met ? "MET     " : "MISSED  ") + text;
    }
}
