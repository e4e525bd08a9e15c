package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Plain amqp:// to another host is said once; loopback and amqps:// are quiet. */
class PlainAmqpWarningTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Connections.class);
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
    void plainAmqpToAnotherHostWarnsOnceNamingTheBrokerWithoutItsPassword() {
        setUp("amqp://guest:secret@192.0.2.7:5672");
        setUp("amqp://guest:secret@192.0.2.7:5672");

        List<String> warnings = warnings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("192.0.2.7", "amqps://").doesNotContain("secret");
    }

    @Test
    void loopbackAndTlsAreQuiet() {
        setUp("amqp://guest:guest@127.0.0.1:5672");
        setUp("amqp://guest:guest@localhost:5672");
        setUp("amqp://guest:guest@[::1]:5672");
        setUp("amqps://guest:guest@192.0.2.8:5671");

        assertThat(warnings()).isEmpty();
    }

    private static void setUp(String uri) {
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(uri)
                        .signingKeys(SigningKeys.of("k1", new byte[32]))
                        .build();
        Connections.to(config, Connections.Recovery.NONE, 10, null);
    }

    private List<String> warnings() {
        return events.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
