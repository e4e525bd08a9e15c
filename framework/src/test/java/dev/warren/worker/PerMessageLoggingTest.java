package dev.warren.worker;

import static dev.warren.worker.PipelineFixture.REPLY_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warren.worker.PipelineFixture.Doubles;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An application with logback and no configuration logs at DEBUG: a task that succeeds must not add
 * a line there, or a map of many tasks prints one line per task.
 */
class PerMessageLoggingTest {
    private final PipelineFixture fixture = new PipelineFixture();
    private final Logger warren = (Logger) LoggerFactory.getLogger("dev.warren");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = warren.getLevel();
        events.start();
        warren.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        warren.detachAppender(events);
        warren.setLevel(levelBefore);
        fixture.close();
    }

    @Test
    void succeedingTasksLogNothingAtDebug() {
        warren.setLevel(Level.DEBUG);

        for (int i = 0; i < 3; i++) {
            fixture.process(fixture.task(new Doubles(i), REPLY_QUEUE), false);
        }

        assertThat(fixture.counters.succeeded).hasValue(3);
        assertThat(messages()).isEmpty();
    }

    @Test
    void eachSuccessIsStillThereAtTrace() {
        warren.setLevel(Level.TRACE);

        fixture.process(fixture.task(new Doubles(1), REPLY_QUEUE), false);

        assertThat(messages()).singleElement().asString().contains("Doubles", "succeeded");
    }

    private List<String> messages() {
        return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
