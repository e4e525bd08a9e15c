package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackHostHeaderTest {
    @Test
    void onLoopbackOnlyLoopbackNamesPass() {
        assertThat(LoopbackHostHeader.allows(true, "127.0.0.1:8080")).isTrue();
        assertThat(LoopbackHostHeader.allows(true, "LOCALHOST:8080")).isTrue();
        assertThat(LoopbackHostHeader.allows(true, "[::1]:8080")).isTrue();
        assertThat(LoopbackHostHeader.allows(true, "[::1]")).isTrue();
        assertThat(LoopbackHostHeader.allows(true, "rebind.attacker.example:8080")).isFalse();
        assertThat(LoopbackHostHeader.allows(true, "localhost.attacker.example")).isFalse();
        assertThat(LoopbackHostHeader.allows(true, null)).isFalse();
    }

    @Test
    void offLoopbackTheHeaderIsNotTheGuard() {
        assertThat(LoopbackHostHeader.allows(false, "dashboard.example:8080")).isTrue();
    }
}
