package dev.warren.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchTest {
    private final LogBatch batch =
            new LogBatch(
                    "host:42/abc",
                    List.of(
                            new LogEntry(LogEntry.Kind.TAKEN, new TakenKey(1, 2, 3), 99),
                            new LogEntry(LogEntry.Kind.SETTLED, new TakenKey(-1, 0, 1), 0)));

    @Test
    void aBatchReadsBackAsItWasWritten() {
        assertThat(LogBatch.decode(batch.encode())).isEqualTo(batch);
    }

    @Test
    void anEmptyBatchIsABeat() {
        LogBatch beat = new LogBatch("w", List.of());

        assertThat(LogBatch.decode(beat.encode())).isEqualTo(beat);
    }

    @Test
    void aTruncatedOrPaddedBatchIsRefusedWhole() {
        byte[] bytes = batch.encode();

        assertThatThrownBy(() -> LogBatch.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> LogBatch.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .hasMessageContaining("after the last entry");
    }

    @Test
    void anUnknownFormatIsRefused() {
        byte[] bytes = batch.encode();
        bytes[0] = 9;

        assertThatThrownBy(() -> LogBatch.decode(bytes)).hasMessageContaining("format 9");
    }
}
