package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's contract without a broker: help, usage errors (exit 2), runtime errors (exit
 * 1).
 */
class WarrenWorkerCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A task for the worker to find on its class path, as an application's would be. */
    @TaskOptions(queue = "q")
    public record Echo(String text) implements Task<String> {
        @Override
        public String run(TaskContext context) {
            return text;
        }
    }

    private int run(String... args) {
        CommandLine commandLine = WarrenWorkerCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path keyFile() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, SigningKeys.generate("k1") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--queue",
                        "--concurrency",
                        "--classpath",
                        "--key-file",
                        "--broker",
                        "keygen");
    }

    @Test
    void withoutAQueueItExitsTwoSayingSo() throws IOException {
        assertThat(run("--key-file", keyFile().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("at least one --queue is required");
    }

    @Test
    void withoutKeysItExitsTwoAndSaysWhereKeysComeFrom() {
        int code =
                run(
                        "--queue", "q",
                        "--key-env", "WARREN_TEST_SURELY_UNSET_VARIABLE");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("no signing keys", "--key-file", "WARREN_TEST_SURELY_UNSET_VARIABLE");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("nope");

        assertThat(run("--queue", "q", "--key-file", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read key file " + missing);
    }

    @Test
    void anUnknownCatalogClassIsNamed() throws IOException {
        assertThat(
                        run(
                                "--queue",
                                "q",
                                "--catalog",
                                "com.example.Nope",
                                "--key-file",
                                keyFile().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("com.example.Nope is not on the classpath");
    }

    @Test
    void aClasspathWithoutTaskClassesIsRefusedSayingWhatAWorkerLooksFor() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(
                        run(
                                "--queue",
                                "q",
                                "--classpath",
                                empty.toString(),
                                "--key-file",
                                keyFile().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no task class found on --classpath", "@TaskOptions");
    }

    @Test
    void aClasspathEntryThatDoesNotExistIsNamed() throws IOException {
        assertThat(
                        run(
                                "--queue",
                                "q",
                                "--classpath",
                                "/no/such.jar",
                                "--key-file",
                                keyFile().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("/no/such.jar");
    }

    @Test
    void aBrokerThatIsDownExitsOneNamingItWithoutThePassword() throws IOException {
        int code =
                run(
                        "--queue", "q",
                        "--key-file", keyFile().toString(),
                        "--broker", "amqp://guest:secret-password@127.0.0.1:1",
                        "--connect-attempts", "1");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("127.0.0.1:1", "Is RabbitMQ running?")
                .doesNotContain("secret-password");
    }

    @Test
    void aBadConcurrencyIsAUsageError() throws IOException {
        assertThat(run("--queue", "q", "--key-file", keyFile().toString(), "--concurrency", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("concurrency must be at least 1, was 0");
    }

    @Test
    void theDefaultConcurrencyIsOnePerCpuAsTheHelpSays() {
        int cpus = Runtime.getRuntime().availableProcessors();
        CommandLine commandLine = WarrenWorkerCommand.commandLine();

        commandLine.parseArgs("--queue", "q");

        WarrenWorkerCommand command = commandLine.getCommand();
        assertThat(command.concurrency).isEqualTo(cpus);
        assertThat(command.maxStuckTasks).as("default: the concurrency").isNull();
        assertThat(command.timeoutGraceSeconds).isEqualTo(2.0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("(default: one per CPU, here " + cpus + ")");
    }

    @Test
    void aNegativeTimeoutGraceIsAUsageError() throws IOException {
        assertThat(run("--queue", "q", "--key-file", keyFile().toString(), "--timeout-grace", "-1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--timeout-grace must not be negative, was -1.0");
    }

    @Test
    void aNegativeStuckLimitIsAUsageError() throws IOException {
        assertThat(
                        run(
                                "--queue",
                                "q",
                                "--key-file",
                                keyFile().toString(),
                                "--max-stuck-tasks",
                                "-1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("maxStuckTasks must not be negative, was -1");
    }

    @Test
    void keygenPrintsAKeyThatParses() {
        assertThat(run("keygen", "--id", "prod-2")).isZero();

        SigningKeys keys = SigningKeys.parse(out.toString(), "keygen output");
        assertThat(keys.signingKeyId()).isEqualTo("prod-2");
    }
}
