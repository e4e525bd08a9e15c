package dev.warren.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void plainTextIsUnchanged() {
        assertThat(SafeText.of("dev.example.Primes 0f1e-42"))
                .isEqualTo("dev.example.Primes 0f1e-42");
    }

    @Test
    void lineBreaksCannotForgeALogLine() {
        String forged = "t1\r\n2026-01-01 INFO worker accepted key k9";
        String safe = SafeText.of(forged);
        assertThat(safe).doesNotContain("\r", "\n").startsWith("t1\\r\\n2026");
        assertThat(SafeText.of("a\tb")).isEqualTo("a\\tb");
    }

    @Test
    void terminalEscapeSequencesAreShownNotObeyed() {
        assertThat(SafeText.of("\u001b[2J\u001b]0;owned\u0007id"))
                .isEqualTo("\\u001b[2J\\u001b]0;owned\\u0007id");
        assertThat(SafeText.of("c1\u009bcsi")).isEqualTo("c1\\u009bcsi");
    }

    @Test
    void otherControlAndDirectionCharactersAreEscaped() {
        assertThat(SafeText.of("nul\u0000del\u007f")).isEqualTo("nul\\u0000del\\u007f");
        assertThat(SafeText.of("abc\u202edef\u2066")).isEqualTo("abc\\u202edef\\u2066");
        assertThat(SafeText.of("ls\u2028ps\u2029")).isEqualTo("ls\\u2028ps\\u2029");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertThat(SafeText.of("\\u001b")).isEqualTo("\\\\u001b");
    }

    @Test
    void longTextIsCutAndSaysHowMuchWasDropped() {
        String huge = "x".repeat(1_000_000);
        assertThat(SafeText.of(huge)).isEqualTo("x".repeat(200) + "...(999800 more chars)");
        assertThat(SafeText.of("abcdef", 3)).isEqualTo("abc...(3 more chars)");
        assertThat(SafeText.of("abc", 3)).isEqualTo("abc");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00cd";
        assertThat(SafeText.of(text, 3)).isEqualTo("ab...(4 more chars)");
    }

    @Test
    void nullAndBadLimits() {
        assertThat(SafeText.of(null)).isEqualTo("null");
        assertThatThrownBy(() -> SafeText.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
