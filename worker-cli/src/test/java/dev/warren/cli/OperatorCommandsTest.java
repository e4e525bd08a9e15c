package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * status, dead-letters and dashboard without a broker: help, usage errors (exit 2), a broker that
 * is down (exit 1, one line).
 */
class OperatorCommandsTest {
    private static final String DOWN = "amqp://guest:guest@127.0.0.1:1";

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WarrenWorkerCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String keyFile() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, SigningKeys.generate("k1") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status",
                "dead-letters",
                "dead-letters list",
                "dead-letters retry",
                "dead-letters purge",
                "dashboard"
            })
    void everyOperatorCommandHasHelpAndExitsZero(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        assertThat(run(args.toArray(String[]::new))).isZero();
        assertThat(out.toString()).contains("Usage: warren-worker " + command);
    }

    @Test
    void theMainHelpListsTheOperatorCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "status",
                        "dead-letters",
                        "dashboard",
                        "--metrics-port",
                        "--heartbeat-interval");
    }

    @Test
    void deadLettersWithoutWhatToDoExitsTwo() {
        assertThat(run("dead-letters")).isEqualTo(2);
        assertThat(err.toString()).contains("list, retry or purge");
    }

    @Test
    void retryNeedsEitherIdOrAllButNotBoth() throws IOException {
        assertThat(run("dead-letters", "retry", "primes", "--key-file", keyFile())).isEqualTo(2);
        assertThat(err.toString()).contains("--id", "--all");
        assertThat(
                        run(
                                "dead-letters",
                                "retry",
                                "primes",
                                "--id",
                                "x",
                                "--all",
                                "--key-file",
                                keyFile()))
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "7", "7w", "-1h", "1.5h", "h", ""})
    void aRetryAgeThatIsNotOneExitsTwoNamingTheOption(String age) throws IOException {
        assertThat(
                        run(
                                "dead-letters",
                                "retry",
                                "primes",
                                "--all",
                                "--max-age",
                                age,
                                "--key-file",
                                keyFile()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--max-age", "is not an age");
    }

    @Test
    void retryAgesAreDaysHoursMinutesOrSeconds() {
        assertThat(RetryAge.parse("7d")).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(RetryAge.parse("36h")).isEqualTo(java.time.Duration.ofHours(36));
        assertThat(RetryAge.parse(" 90m ")).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(RetryAge.parse("600s")).isEqualTo(java.time.Duration.ofSeconds(600));
    }

    @Test
    void retryHasNoForceAndItsHelpSaysSo() throws IOException {
        assertThat(
                        run(
                                "dead-letters",
                                "retry",
                                "primes",
                                "--all",
                                "--force",
                                "--key-file",
                                keyFile()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--force");
        assertThat(run("dead-letters", "retry", "--help")).isZero();
        assertThat(out.toString()).contains("There is no --force", "--max-age");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "dead-letters list primes", "dashboard"})
    void everyOperatorCommandTakesTheNamespaceAndRefusesABadOneWithASentence(String command)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--namespace", "Has.Dots", "--key-file", keyFile(), "-b", DOWN));
        assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString()).contains("namespace must be", "was: Has.Dots");
    }

    @Test
    void deadLetterCommandsTakeTheBrokerNameOfAQueueInANamespaceToo() {
        assertThat(DeadLettersCommand.logicalQueue("warren@acme.primes.dead")).isEqualTo("primes");
        assertThat(DeadLettersCommand.logicalQueue("warren.a.b")).isEqualTo("a.b");
    }

    @Test
    void aQueueNameThatCannotBeAQueueExitsTwo() throws IOException {
        assertThat(run("dead-letters", "list", "no way", "--key-file", keyFile())).isEqualTo(2);
        assertThat(err.toString()).contains("queue name");
        assertThat(run("status", "--queue", "bad/name", "--key-file", keyFile())).isEqualTo(2);
    }

    @Test
    void withoutKeysEveryCommandExitsTwoSayingWhereKeysComeFrom() {
        assertThat(run("status", "--key-env", "WARREN_TEST_NO_SUCH_VARIABLE")).isEqualTo(2);
        assertThat(err.toString()).contains("no signing keys", "--key-file");
    }

    @Test
    void aNegativeHeartbeatIntervalOrAnImpossibleMetricsPortExitsTwo() throws IOException {
        assertThat(run("--queue", "q", "--key-file", keyFile(), "--heartbeat-interval", "-1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--heartbeat-interval");
        assertThat(run("--queue", "q", "--key-file", keyFile(), "--metrics-port", "70000"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--metrics-port");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status --wait 0",
                "dead-letters list primes",
                "dead-letters retry primes --all",
                "dead-letters purge primes --yes",
                "dashboard --port 0"
            })
    void aBrokerThatIsDownExitsOneWithOneLine(String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--broker", DOWN, "--connect-attempts", "1", "--key-file", keyFile()));
        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
        assertThat(err.toString().strip())
                .startsWith("warren-worker: cannot connect")
                .contains("127.0.0.1:1", "Is RabbitMQ running?")
                .doesNotContain("\n")
                .doesNotContain("guest:guest");
    }

    @Test
    void logicalQueueNamesAcceptTheBrokerNamesToo() {
        assertThat(DeadLettersCommand.logicalQueue("primes")).isEqualTo("primes");
        assertThat(DeadLettersCommand.logicalQueue("warren.primes")).isEqualTo("primes");
        assertThat(DeadLettersCommand.logicalQueue("warren.primes.dead")).isEqualTo("primes");
    }

    @Test
    void jsonTextEscapesWhatMustBeEscaped() {
        assertThat(JsonText.of(java.util.Map.of("a", List.of(1, true, "x\"<\n"))))
                .isEqualTo("{\"a\":[1,true,\"x\\\"\\u003c\\n\"]}");
        assertThat(JsonText.of("\u001b[2J \u009b2J \u007f \u202eevil \u2028"))
                .isEqualTo("\"\\u001b[2J \\u009b2J \\u007f \\u202eevil \\u2028\"");
        assertThat(JsonText.of("plain é ü 中")).isEqualTo("\"plain é ü 中\"");
    }
}
