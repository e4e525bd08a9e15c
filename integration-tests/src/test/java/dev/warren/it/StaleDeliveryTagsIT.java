package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.transport.Topology;
import dev.warren.it.tasks.Slow;
import dev.warren.testing.Queues;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tasks that were running when their worker's connection dropped finish afterwards and try to
 * acknowledge deliveries of the lost channel. Those tags must never reach the recovered channel:
 * the broker would close it ({@code 406 PRECONDITION_FAILED - unknown delivery tag}).
 */
@WarrenTest
class StaleDeliveryTagsIT {
    @Test
    void staleDeliveryTagsAreNeverAcknowledgedOnTheRecoveredChannel(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-slow");
        Logger consumerLog =
                (Logger) LoggerFactory.getLogger("dev.warren.internal.transport.QueueConsumer");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        consumerLog.addAppender(events);
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker workerSide =
                        Broker.connect(test.config().brokerUri(proxy.uri(test.uri())).build());
                Worker worker =
                        Worker.start(
                                workerSide,
                                WorkerConfig.custom().queues("it-slow").concurrency(2).build());
                Broker clientSide = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(clientSide)) {
            List<TaskHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                handles.add(client.submit(new Slow(i, 1500)));
            }
            String work = Topology.workQueue("it-slow");
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, work) == 4);

            proxy.cutAll(); // the two running tasks finish on a dead channel

            for (int i = 0; i < handles.size(); i++) {
                assertThat(handles.get(i).await(Duration.ofSeconds(60))).isEqualTo(i);
            }
            assertThat(client.submit(new Slow(99, 10)).await(Duration.ofSeconds(30)))
                    .as("the worker still consumes on its recovered channel")
                    .isEqualTo(99);
            assertThat(events.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .as("no channel closed by the broker")
                    .noneMatch(message -> message.contains("closed the channel"));
        } finally {
            consumerLog.detachAppender(events);
        }
    }
}
