package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OneHopBaselineTest {
    private final OneHopBaseline baseline =
            new OneHopBaseline(Map.of(100, perfTest(20_000, 4_000)), perfTest(100, 800), 100);

    @Test
    void throughputIsSetAgainstHalfTheOneHopRateBecauseARoundTripIsTwoHops() {
        assertThat(baseline.throughputRatio(100, 7_000)).isEqualTo(0.7);
    }

    @Test
    void latencyIsSetAgainstTheOneHopP50AtLowRate() {
        assertThat(baseline.latencyRatio(2_000)).isEqualTo(2.5);
    }

    @Test
    void aPayloadPerfTestDidNotRunHasNoRatio() {
        assertThat(baseline.throughputRatio(10_240, 7_000)).isNaN();
        assertThat(baseline.maxRate(10_240)).isEmpty();
    }

    @Test
    void withoutPerfTestEveryRatioIsEmpty() {
        OneHopBaseline none = OneHopBaseline.none();
        assertThat(none.throughputRatio(100, 7_000)).isNaN();
        assertThat(none.latencyRatio(2_000)).isNaN();
        assertThat(none.atLowRate()).isEmpty();
    }

    private static PerfTestRun.Result perfTest(double receiveRate, long p50) {
        return new PerfTestRun.Result(
                receiveRate, receiveRate, p50, 2 * p50, 3 * p50, 30, 40, "PerfTest ...");
    }
}
