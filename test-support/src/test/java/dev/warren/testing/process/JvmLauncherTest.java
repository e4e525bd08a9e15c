package dev.warren.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmLauncherTest {
    private static JvmLauncher child(String mode) {
        return JvmLauncher.mainClass(
                        System.getProperty("java.class.path"), ChildForTests.class.getName())
                .jvmArgs("-Xmx32m", "-XX:TieredStopAtLevel=1")
                .args(mode);
    }

    @Test
    void startWaitsForTheReadyLineAndTheChildSeesItsEnvironment() throws Exception {
        try (JvmProcess process =
                child("ready-until-input-closes")
                        .environment("CHILD_TOKEN", "t-42")
                        .readyWhen("READY", Duration.ofSeconds(30))
                        .start()) {
            assertThat(process.line("READY")).contains("READY t-42");
            assertThat(process.awaitLine("READY", Duration.ofSeconds(1))).isEqualTo("t-42");

            process.closeInput();

            assertThat(process.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(process.output()).contains("starting", "a log line", "INPUT-CLOSED");
        }
    }

    @Test
    void aChildThatIsNeverReadyIsKilledAndItsOutputReported() throws Exception {
        JvmProcess process =
                child("never-ready").readyWhen("READY", Duration.ofSeconds(3)).launch();

        assertThatThrownBy(process::awaitReady)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not print 'READY'")
                .hasMessageContaining("hello");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aChildThatExitsBeforeItIsReadyFailsTheStartAtOnceWithItsExitCode() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> child("exit-3").readyWhen("READY", Duration.ofSeconds(60)).start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with code 3 before printing 'READY'")
                .hasMessageContaining("bye");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void stopSendsSigtermSoShutdownHooksRun() throws Exception {
        try (JvmProcess process =
                child("ready-until-input-closes")
                        .readyWhen("READY", Duration.ofSeconds(30))
                        .start()) {
            JvmProcess.Exit exit = process.stop(Duration.ofSeconds(30));

            assertThat(exit.killed()).isFalse();
            assertThat(exit.code()).isEqualTo(143);
            assertThat(process.output()).contains("TERMINATED");
        }
    }

    @Test
    void killEndsTheChildWithoutItsShutdownHooks() throws Exception {
        JvmProcess process =
                child("ready-until-input-closes")
                        .readyWhen("READY", Duration.ofSeconds(30))
                        .start();

        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(process.output()).doesNotContain("TERMINATED");
    }

    @Test
    void awaitLineFailsAtOnceWhenTheChildEndsWithoutTheLine() throws Exception {
        try (JvmProcess process = child("exit-3").launch()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> process.awaitLine("NEVER", Duration.ofSeconds(60)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ended without printing 'NEVER'")
                    .hasMessageContaining("bye");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(process.awaitExit(Duration.ofSeconds(10))).isEqualTo(3);
        }
    }

    @Test
    void aLogFileTakesStandardErrorAndLeavesStandardOutputCaptured(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("child.log");
        try (JvmProcess process =
                child("ready-until-input-closes")
                        .logFile(log)
                        .readyWhen("READY", Duration.ofSeconds(30))
                        .start()) {
            process.closeInput();
            process.awaitExit(Duration.ofSeconds(30));

            assertThat(process.output()).contains("starting").doesNotContain("a log line");
            assertThat(Files.readString(log)).contains("a log line");
        }
    }
}
