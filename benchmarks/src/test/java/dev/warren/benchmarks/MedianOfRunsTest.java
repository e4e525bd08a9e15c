package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class MedianOfRunsTest {
    private static final ToDoubleFunction<Double> RATE = Double::doubleValue;

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleRate() {
        assertThat(MedianOfRuns.of(List.of(1200.0, 980.0, 1010.0), RATE).median())
                .isEqualTo(1010.0);
    }

    @Test
    void ofAnEvenNumberTheFasterOfTheTwoMiddleRunsCounts() {
        assertThat(MedianOfRuns.of(List.of(4.0, 1.0, 3.0, 2.0), RATE).median()).isEqualTo(3.0);
    }

    @Test
    void theNoteListsEveryRunsRateSlowestFirst() {
        assertThat(MedianOfRuns.of(List.of(1200.4, 980.0, 1010.6), RATE).note("msg/s"))
                .isEqualTo("median of 3 runs (980 1011 1200 msg/s); ");
    }

    @Test
    void aSingleRunNeedsNoNote() {
        MedianOfRuns<Double> single = MedianOfRuns.of(List.of(5.0), RATE);
        assertThat(single.median()).isEqualTo(5.0);
        assertThat(single.note("tasks/s")).isEmpty();
    }
}
