package dev.warren.testing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerLauncherTest {
    private static final String SECRET_URI = "amqp://user:secret@broker:5672";
    private static final String KEYS = "k1=c2VjcmV0LXNpZ25pbmcta2V5";

    @Test
    void theBrokerUriAndTheKeysGoInTheEnvironmentNotOnTheCommandLine() {
        JvmLauncher launcher =
                WorkerLauncher.fromClasspath("worker.jar:tasks.jar")
                        .broker(URI.create(SECRET_URI))
                        .keys(KEYS)
                        .jvmLauncher();

        assertThat(String.join(" ", launcher.command()))
                .doesNotContain("secret")
                .doesNotContain(KEYS);
        assertThat(launcher.environment())
                .containsEntry("WARREN_BROKER_URI", SECRET_URI)
                .containsEntry("WARREN_KEYS", KEYS);
    }

    @Test
    void optionsBecomeWarrenWorkerArgumentsAfterTheJvmArguments() {
        JvmLauncher launcher =
                WorkerLauncher.fromClasspath("cp")
                        .jvmArgs("-Xmx256m")
                        .taskClasspath("target/test-classes")
                        .queues("a", "b")
                        .concurrency(4)
                        .prefetch(8)
                        .shutdownTimeout(Duration.ofSeconds(60))
                        .options("--coordination")
                        .jvmLauncher();

        assertThat(launcher.command())
                .endsWith(
                        "-Xmx256m",
                        "-cp",
                        "cp",
                        "dev.warren.cli.WarrenWorkerCommand",
                        "--classpath",
                        "target/test-classes",
                        "--queue",
                        "a",
                        "--queue",
                        "b",
                        "--concurrency",
                        "4",
                        "--prefetch",
                        "8",
                        "--shutdown-timeout",
                        "60",
                        "--coordination");
    }
}
