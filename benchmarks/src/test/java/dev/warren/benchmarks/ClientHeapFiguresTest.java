package dev.warren.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientHeapFiguresTest {
    @Test
    void readsTheProbesResultLine() {
        assertThat(
                        ClientHeapFigures.parse(
                                "RESULT count=2000 seconds=0.529 rate=3779.2 failures=0"
                                        + " peakUsedMiB=18.2 peakAfterGcMiB=22.4 maxHeapMiB=256.0"
                                        + " gcs=3"))
                .contains(new ClientHeapFigures(2000, 0.529, 3779.2, 0, 18.2, 22.4, 256.0, 3));
    }

    @Test
    void ignoresEveryOtherLine() {
        assertThat(ClientHeapFigures.parse("FIRST-FAILURE java.io.IOException")).isEmpty();
        assertThat(ClientHeapFigures.parse("")).isEmpty();
    }
}
