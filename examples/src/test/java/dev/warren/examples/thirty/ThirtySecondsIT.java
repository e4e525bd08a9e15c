package dev.warren.examples.thirty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.examples.LocalBroker;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the README's command {@code java -jar warren-examples.jar thirty-seconds} for real. */
class ThirtySecondsIT {
    private static final String QUEUE = "thirty-seconds";

    @BeforeEach
    @AfterEach
    void deleteTheExamplesQueues() throws Exception {
        LocalBroker.requireReachable();
        LocalBroker.deleteQueues(QUEUE);
    }

    @Test
    void theExampleGetsEachResultFromTwoWorkerProcesses() throws Exception {
        Run run = runExample(SigningKeys.generate("it"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("sum of the primes below 1,000,000: 37550402023")
                .containsPattern("queued without waiting: task [0-9a-f-]{36}")
                .contains("below 10 and below 100: [17, 1060]");
    }

    @Test
    void withoutKeysItSaysHowToMakeOneAndExitsWithTwo() throws Exception {
        Run run = runExample(null);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("export WARREN_KEYS=$(java -jar");
    }

    private record Run(int exitCode, String output) {}

    private static Run runExample(String keys) throws Exception {
        Path log = Files.createTempFile("thirty-seconds", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    List.of(
                                            Path.of(System.getProperty("java.home"), "bin", "java")
                                                    .toString(),
                                            "-Dwarren.worker.jar="
                                                    + System.getProperty("warren.worker.jar"),
                                            "-jar",
                                            System.getProperty("warren.examples.jar"),
                                            "thirty-seconds"))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().remove("WARREN_BROKER_URI");
            builder.environment().remove(SigningKeys.ENVIRONMENT_VARIABLE);
            if (keys != null) {
                builder.environment().put(SigningKeys.ENVIRONMENT_VARIABLE, keys);
            }
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the example ran over 3 minutes:\n" + read(log.toFile()));
            }
            return new Run(process.exitValue(), read(log.toFile()));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(File file) throws Exception {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }
}
