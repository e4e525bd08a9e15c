package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warren.ConfigurationException;
import dev.warren.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The broker URI comes from the command line, a file or the environment; passwords stay off ps. */
class BrokerSourceTest {
    private static final String WITH_PASSWORD = "amqp://app:s3cret@rabbit.example:5672/prod";

    @TempDir Path dir;

    private final Logger logger =
            (Logger) org.slf4j.LoggerFactory.getLogger(ConnectionOptions.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void listen() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(events);
    }

    private ConnectionOptions parsed(Map<String, String> environment, String... args) {
        StatusCommand status = new StatusCommand();
        new CommandLine(status).parseArgs(args);
        status.connection.environment = environment::get;
        return status.connection;
    }

    private Path file(String text, String mode) throws IOException {
        Path file = dir.resolve("broker-" + System.nanoTime());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private Path keyFile() throws IOException {
        return file(SigningKeys.generate("k1") + "\n", "rw-------");
    }

    private List<String> warnings() {
        return events.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void theEnvironmentVariableGivesTheUriAndNoWarning() throws IOException {
        ConnectionOptions options =
                parsed(
                        Map.of("WARREN_BROKER_URI", WITH_PASSWORD),
                        "--key-file",
                        keyFile().toString());

        assertThat(options.config(List.of(), "test").brokerUri()).hasToString(WITH_PASSWORD);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void brokerFileAndAtFileReadTheFirstLineThatIsAUri() throws IOException {
        Path file = file("# production\n\n  " + WITH_PASSWORD + "  \n", "rw-------");

        assertThat(parsed(Map.of(), "--broker-file", file.toString()).brokerSource().uri())
                .isEqualTo(WITH_PASSWORD);
        assertThat(parsed(Map.of(), "--broker", "@" + file).brokerSource().uri())
                .isEqualTo(WITH_PASSWORD);
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        BrokerSource source =
                parsed(Map.of("WARREN_BROKER_URI", WITH_PASSWORD), "--broker", "amqp://other:5672")
                        .brokerSource();

        assertThat(source.uri()).isEqualTo("amqp://other:5672");
        assertThat(source.passwordOnCommandLine()).isFalse();
    }

    @Test
    void aPasswordOnTheCommandLineWarnsNamingTheRiskAndTheWayOut() throws IOException {
        ConnectionOptions options =
                parsed(Map.of(), "--broker", WITH_PASSWORD, "--key-file", keyFile().toString());

        options.config(List.of(), "test");

        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("ps", "WARREN_BROKER_URI", "--broker-file", "@FILE")
                .doesNotContain("s3cret");
    }

    @Test
    void aUserWithoutPasswordOnTheCommandLineIsQuiet() throws IOException {
        parsed(Map.of(), "--broker", "amqp://app@rabbit:5672", "--key-file", keyFile().toString())
                .config(List.of(), "test");

        assertThat(warnings()).isEmpty();
    }

    @Test
    void aBrokerFileWithAPasswordThatOthersMayReadIsRefused() throws IOException {
        Path file = file(WITH_PASSWORD + "\n", "rw-r--r--");

        assertThatThrownBy(() -> parsed(Map.of(), "--broker-file", file.toString()).brokerSource())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("chmod 600 " + file)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void bothBrokerAndBrokerFileAreAUsageError() throws IOException {
        Path file = file(WITH_PASSWORD, "rw-------");

        assertThatThrownBy(
                        () ->
                                parsed(
                                                Map.of(),
                                                "--broker",
                                                "amqp://x:5672",
                                                "--broker-file",
                                                file.toString())
                                        .brokerSource())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void anEmptyBrokerFileIsNamed() throws IOException {
        Path file = file("# nothing\n", "rw-------");

        assertThatThrownBy(() -> parsed(Map.of(), "--broker-file", file.toString()).brokerSource())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("holds no URI");
    }

    @Test
    void aListOfNodesOnTheCommandLineReachesTheConfigAndItsPasswordWarns() throws IOException {
        ConnectionOptions options =
                parsed(
                        Map.of(),
                        "--broker",
                        "amqp://app@node1:5681,amqp://app:s3cret@node2:5682",
                        "--key-file",
                        keyFile().toString());

        assertThatThrownBy(() -> options.config(List.of(), "test"))
                .hasMessageContaining("disagree on the user or password")
                .hasMessageNotContaining("s3cret");
        assertThat(BrokerSource.hasPassword("amqp://app@node1,amqp://app:s3cret@node2")).isTrue();
        assertThat(
                        parsed(
                                        Map.of(),
                                        "--broker",
                                        "amqp://app@node1:5681,amqp://app@node2:5682",
                                        "--key-file",
                                        keyFile().toString())
                                .config(List.of(), "test")
                                .brokerUris())
                .hasSize(2);
    }
}
