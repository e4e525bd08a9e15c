package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    static final Row JMH =
            new Row(
                    "jmh",
                    "roundTrip 200B",
                    0,
                    216,
                    0,
                    Double.NaN,
                    575381.2,
                    Double.NaN,
                    1.7381,
                    Double.NaN,
                    Double.NaN,
                    "mean 1.738 us/op +- 0.010 (JMH avgt; p50 column holds the mean)");
    static final Row FULL_LOAD =
            new Row(
                    "warren",
                    "full load",
                    1,
                    100,
                    60000,
                    5.79,
                    10358.4,
                    0.8271,
                    23311,
                    95359,
                    120383,
                    "median of 3 runs (6928 10358 11156 tasks/s); window 1000");

    @Test
    void theTableHasOneAlignedLinePerRowUnderItsHeader() {
        assertThat(ResultsTable.render(List.of(JMH, FULL_LOAD)).lines())
                .containsExactly(
                        "section   what                   workers   payload  messages  seconds     rate/s  ratio     p50 us     p99 us   p99.9 us",
                        "jmh       roundTrip 200B                     216 B                        575381             1.738                      ",
                        "warren    full load                    1     100 B     60000      5.8      10358   0.83      23311      95359     120383");
    }

    @Test
    void eachRowIsPrintedAsItComesWithWhatItMeasured() {
        assertThat(ResultsTable.progressLine(FULL_LOAD))
                .isEqualTo(
                        "  warren    full load                  workers=1 payload=100B  10358/s"
                                + " ratio 0.83 p50 23311.0 us p99 95359.0 us "
                                + System.lineSeparator());
        assertThat(ResultsTable.progressLine(JMH))
                .isEqualTo(
                        "  jmh       roundTrip 200B             workers=0 payload=216B  575381/s"
                                + " p50 1.7 us "
                                + System.lineSeparator());
    }
}
