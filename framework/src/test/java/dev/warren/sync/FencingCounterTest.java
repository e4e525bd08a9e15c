package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FencingCounterTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theCounterReadsBackWhatWasWrittenSoTheNextTokenIsOneMore() {
        long stored = FencingCounter.parse(FencingCounter.encode(41), "q", "lock 'x'");

        assertThat(stored).isEqualTo(41);
        assertThat(FencingCounter.parse(FencingCounter.initial(), "q", "lock 'x'")).isZero();
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        assertThat(FencingCounter.parse(ascii(" 7\n"), "q", "lock 'x'")).isEqualTo(7);
    }

    @Test
    void aCounterThatIsNotANumberNamesTheQueueAndThePrimitive() {
        assertThatThrownBy(() -> FencingCounter.parse(ascii("oops"), "q", "lock 'x'"))
                .isInstanceOf(CoordinationException.class)
                .hasMessageContaining("lock 'x'")
                .hasMessageContaining("queue q")
                .hasMessageContaining("'oops'");
    }

    @Test
    void aNegativeCounterIsRefusedLikeGarbage() {
        assertThatThrownBy(() -> FencingCounter.parse(ascii("-1"), "q", "lock 'x'"))
                .isInstanceOf(CoordinationException.class)
                .hasMessageContaining("where a fencing counter (a number) belongs");
    }

    @Test
    void aLongForeignBodyIsQuotedShortened() {
        String junk = "x".repeat(100);

        assertThatThrownBy(() -> FencingCounter.parse(ascii(junk), "q", "lock 'x'"))
                .hasMessageContaining("'" + "x".repeat(40) + "...'")
                .hasMessageNotContaining("x".repeat(41));
    }
}
