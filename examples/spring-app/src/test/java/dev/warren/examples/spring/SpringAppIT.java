package dev.warren.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the example's executable jar, as its Javadoc says, against the test broker. */
@WarrenTest
class SpringAppIT {
    @BeforeEach
    void startFromAnEmptyQueue(TestBroker broker) throws Exception {
        Queues.reset(broker, "spring-app");
    }

    @Test
    void theApplicationsWorkerPreparesEveryInvoiceItsProducerSubmits(TestBroker broker)
            throws Exception {
        Run run = run(broker, broker.keysText());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("invoice for Ada: 12.50 EUR")
                .contains("invoice for Grace: 99.99 EUR")
                .contains("invoice for Linus: 1.00 EUR")
                .contains("prepared 3 invoices on the worker in this application")
                .contains("worker stopped: 3 succeeded");
    }

    @Test
    void withoutKeysTheStartFailsWithWarrensSentenceNamingTheProperty(TestBroker broker)
            throws Exception {
        Run run = run(broker, null);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("APPLICATION FAILED TO START")
                .contains("warren.keys: signing keys are required")
                .contains("Fix warren.keys");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(TestBroker broker, String keys) throws Exception {
        Path log = Files.createTempFile("spring-app", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    List.of(
                                            Path.of(System.getProperty("java.home"), "bin", "java")
                                                    .toString(),
                                            "-jar",
                                            System.getProperty("warren.example.jar"),
                                            "--warren.broker.uri=" + broker.uri()))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().remove(SigningKeys.ENVIRONMENT_VARIABLE);
            if (keys != null) {
                builder.environment().put(SigningKeys.ENVIRONMENT_VARIABLE, keys);
            }
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the example ran over 2 minutes:\n" + read(log));
            }
            return new Run(process.exitValue(), read(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws Exception {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
