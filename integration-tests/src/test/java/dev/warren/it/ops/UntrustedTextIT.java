package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.AMQP;
import dev.warren.Broker;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Ids and types that whoever can publish chose, with line breaks and terminal escapes in them,
 * reach the worker's log and the operator's terminal escaped, one line each.
 */
@WarrenTest
class UntrustedTextIT {
    private static final String FORGED_ID = "t1\r\n2026-12-01 INFO accepted\u001b[2J";
    private static final String ESCAPED_ID = "t1\\r\\n2026-12-01 INFO accepted\\u001b[2J";

    @TempDir Path dir;

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(test.config().catalog(new OpsCatalog()).build());
        this.queue = test.uniqueName("ops-text");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void aRefusedMessagesIdIsLoggedEscapedOnOneLine() throws Exception {
        Logger effects = (Logger) LoggerFactory.getLogger("dev.warren.worker.Effects");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        effects.addAppender(events);
        try (Worker worker =
                Worker.start(broker, WorkerConfig.custom().queues(queue).concurrency(1).build())) {
            AMQP.BasicProperties unsigned =
                    new AMQP.BasicProperties.Builder()
                            .messageId(FORGED_ID)
                            .type("\u001b]0;owned\u0007Evil")
                            .build();
            RawMessages.publish(
                    test,
                    Topology.workQueue(queue),
                    unsigned,
                    "junk".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(10)).until(() -> !refusals(events).isEmpty());
            String line = refusals(events).get(0);
            assertThat(line).contains(ESCAPED_ID).doesNotContain("\r", "\n", "\u001b");
        } finally {
            effects.detachAppender(events);
        }
    }

    @Test
    void deadLettersListShowsForgedIdsEscaped() throws Exception {
        Envelope sealed =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        FORGED_ID,
                                        OpsEcho.class.getName(),
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        TaskProtocol.taskOn(queue)),
                                new OpsEcho("x"));
        Ops.publishDead(test, queue, sealed, sealed.body(), "FAILED", "boom\u001b[31m red");
        Path keys = Ops.keyFile(dir, test.keysText());

        Ops.Run run = Ops.cli(test, keys, List.of("dead-letters", "list"), queue);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(ESCAPED_ID, "boom\\u001b[31m red")
                .doesNotContain("\r", "\u001b");
    }

    private static List<String> refusals(ListAppender<ILoggingEvent> events) {
        return events.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("refused message"))
                .toList();
    }
}
