package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTokenTest {
    @Test
    void randomTokensDifferAndAreUrlSafe() {
        String a = DashboardToken.random().value();
        String b = DashboardToken.random().value();
        assertThat(a).isNotEqualTo(b).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void onlyTheExactTokenMatches() {
        DashboardToken token = DashboardToken.of("0123456789abcdef");
        assertThat(token.matches("0123456789abcdef")).isTrue();
        assertThat(token.matches("0123456789abcdeF")).isFalse();
        assertThat(token.matches("0123456789abcdef0")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain("0123");
    }

    @Test
    void aTokenFileGivesItsFirstLineAndErrorsDoNotShowIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "  from-a-file-0123456789  \nsecond line\n");
        assertThat(DashboardToken.fromFile(file).value()).isEqualTo("from-a-file-0123456789");

        Files.writeString(file, "short-secret\n");
        assertThatThrownBy(() -> DashboardToken.fromFile(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> DashboardToken.fromFile(dir.resolve("missing")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing");
    }
}
