package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StackTraceTextTest {
    @Test
    void eachLineIsEscapedAndTheLinesStay() {
        String trace = "java.io.IOException: disk \u001b[31mfull\n\tat a.B.c(B.java:1)";

        String shown = StackTraceText.of(trace);

        assertThat(shown)
                .isEqualTo("java.io.IOException: disk \\u001b[31mfull\n\\tat a.B.c(B.java:1)");
    }

    @Test
    void aLongTraceIsCutAndSaysHowManyLinesWentAndALongLineIsCut() {
        String trace =
                IntStream.range(0, StackTraceText.MOST_LINES + 5)
                        .mapToObj(i -> i == 0 ? "x".repeat(1000) : "\tat line" + i)
                        .collect(Collectors.joining("\n"));

        String shown = StackTraceText.of(trace);

        assertThat(shown.lines()).hasSize(StackTraceText.MOST_LINES + 1);
        assertThat(shown).endsWith("\n... 5 more lines");
        assertThat(shown.lines().findFirst().orElseThrow())
                .hasSizeLessThan(400)
                .endsWith("more chars)");
    }

    @Test
    void noTraceIsEmpty() {
        assertThat(StackTraceText.of(null)).isEmpty();
        assertThat(StackTraceText.of("")).isEmpty();
    }
}
