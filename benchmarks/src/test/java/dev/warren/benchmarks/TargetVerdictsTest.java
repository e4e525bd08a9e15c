package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetVerdictsTest {
    @Test
    void sealRoundTripMeetsItsTargetUpToFiveMicroseconds() {
        assertThat(TargetVerdicts.sealRoundTrip(5.0))
                .isEqualTo("MET     200-byte seal+open 5.00 us (target <= 5 us)");
        assertThat(TargetVerdicts.sealRoundTrip(5.01)).startsWith("MISSED  ");
    }

    @Test
    void aSealRoundTripJmhDidNotReportIsMissed() {
        assertThat(TargetVerdicts.sealRoundTrip(Double.NaN))
                .isEqualTo("MISSED  200-byte seal+open NaN us (target <= 5 us)");
    }

    @Test
    void throughputMeetsItsTargetFromSevenTenthsOfHalfTheOneHopRate() {
        assertThat(TargetVerdicts.throughput(7000, 2, 0.7, 20000))
                .isEqualTo(
                        "MET     no-op throughput 7000 tasks/s (2 workers) = 0.70 x half of"
                                + " PerfTest's 20000 msg/s (target >= 0.7)");
        assertThat(TargetVerdicts.throughput(6990, 2, 0.699, 20000)).startsWith("MISSED  ");
    }

    @Test
    void latencyMeetsItsTargetUpToTwoAndAHalfTimesTheOneHopP50() {
        assertThat(TargetVerdicts.latency(1500, 2.5, 600, 100))
                .isEqualTo(
                        "MET     one-at-a-time round trip p50 1500 us = 2.50 x PerfTest's one-hop"
                                + " p50 600 us at 100 msg/s (target <= 2.5)");
        assertThat(TargetVerdicts.latency(1501, 2.501, 600, 100)).startsWith("MISSED  ");
    }

    @Test
    void clientHeapMeetsItsTargetWhenPeakAndLiveHeapStayUnder256MiB() {
        assertThat(TargetVerdicts.clientHeap(heap(255.9, 200), true, "256m"))
                .isEqualTo(
                        "MET     client heap while enqueueing 1000000 tasks: peak 255.9 MiB, live"
                                + " after GC at most 200.0 MiB, under -Xmx256m (target < 256 MB)");
        assertThat(TargetVerdicts.clientHeap(heap(256, 200), true, "256m")).startsWith("MISSED  ");
        assertThat(TargetVerdicts.clientHeap(heap(100, 256), true, "256m")).startsWith("MISSED  ");
    }

    @Test
    void aClientThatExitedWithFailuresMissesTheHeapTargetWhateverItsHeap() {
        assertThat(TargetVerdicts.clientHeap(heap(20, 20), false, "256m")).startsWith("MISSED  ");
    }

    @Test
    void aClientThatReportedNothingIsAMissThatPointsAtItsLog() {
        assertThat(
                        TargetVerdicts.clientHeapUnmeasured(
                                1, "FIRST-FAILURE boom", Path.of("run", "client-heap.log")))
                .isEqualTo(
                        "MISSED  client heap: the enqueuing client failed (exit 1) FIRST-FAILURE"
                                + " boom; see "
                                + Path.of("run", "client-heap.log"));
    }

    @Test
    void aSmokeRunSaysItsVerdictsMeanNothing() {
        assertThat(TargetVerdicts.heading(true)).contains("SMOKE").contains("mean nothing");
        assertThat(TargetVerdicts.heading(false)).isEqualTo("Targets (reported, never asserted):");
    }

    private static ClientHeapFigures heap(double peakUsedMiB, double peakAfterGcMiB) {
        return new ClientHeapFigures(
                1_000_000, 80, 12_500, 0, peakUsedMiB, peakAfterGcMiB, 256, 40);
    }
}
