package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Keys from the environment reach every child process of a task: the worker says so. */
class KeysInEnvironmentWarningTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ConnectionOptions.class);
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

    @Test
    void keysFromTheEnvironmentWarnNamingTheVariableAndTheWayOut() {
        ConnectionOptions options = new ConnectionOptions();
        options.keyEnv = "WARREN_KEYS";

        options.warnIfKeysComeFromTheEnvironment();

        assertThat(warnings()).singleElement().asString().contains("WARREN_KEYS", "--key-file");
    }

    @Test
    void aKeyFileIsQuiet() {
        ConnectionOptions options = new ConnectionOptions();
        options.keyFile = Path.of("/etc/warren/keys");

        options.warnIfKeysComeFromTheEnvironment();

        assertThat(warnings()).isEmpty();
    }

    private List<String> warnings() {
        return events.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
