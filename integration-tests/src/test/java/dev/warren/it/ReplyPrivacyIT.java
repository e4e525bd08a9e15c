package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.it.tasks.Echo;
import dev.warren.testing.Queues;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nobody but the client consumes its reply queue, before and after its connection is cut. */
@WarrenTest
class ReplyPrivacyIT {

    private static WarrenConfig.Builder config(TestBroker test) {
        return test.config();
    }

    private static void assertOthersCannotConsume(TestBroker test, String queue) throws Exception {
        try (Connection raw = test.rawConnection()) {
            Channel channel = raw.createChannel();
            assertThatThrownBy(
                            () -> channel.basicConsume(queue, true, new DefaultConsumer(channel)))
                    .isInstanceOf(IOException.class)
                    .hasStackTraceContaining("ACCESS_REFUSED");
        }
    }

    @Test
    void anotherConsumerIsRefusedAndRepliesStillArriveAfterTheConnectionIsCut(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-echo");
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(config(test).brokerUri(proxy.uri(test.uri())).build());
                TaskClient client = new TaskClient(broker);
                Broker direct = Broker.connect(config(test).build());
                Worker worker =
                        Worker.start(direct, WorkerConfig.custom().queues("it-echo").build())) {
            String replyQueue = Topology.replyQueue(client.clientId());
            // its connection goes through the proxy: closing may find it still recovering
            Queues.deleteAfterClass(test, replyQueue);
            assertThat(client.submit(new Echo("first")).await(Duration.ofSeconds(20)))
                    .isEqualTo("first");
            assertOthersCannotConsume(test, replyQueue);

            proxy.freezeReplies();
            List<TaskHandle<String>> handles = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                handles.add(client.submit(new Echo("task " + i)));
            }
            proxy.cutAll();
            proxy.thaw();

            for (int i = 0; i < 10; i++) {
                assertThat(handles.get(i).await(Duration.ofSeconds(30))).isEqualTo("task " + i);
            }
            assertOthersCannotConsume(test, replyQueue);
        }
    }

    @Test
    void aReplyConsumerFailsToStartWhileSomeoneElseConsumesTheQueue(TestBroker test)
            throws Exception {
        String queue = test.uniqueName("it-reply-taken");
        try (Connection raw = test.rawConnection();
                Broker broker = Broker.connect(config(test).build())) {
            Channel squatter = raw.createChannel();
            squatter.queueDeclare(queue, false, false, false, null);
            squatter.basicConsume(queue, false, new DefaultConsumer(squatter));

            assertThatThrownBy(
                            () ->
                                    BrokerLink.of(broker)
                                            .consumeAcknowledgingAfterHandler(
                                                    queue, 16, delivery -> {}))
                    .isInstanceOf(WarrenException.class)
                    .hasMessageContaining(queue);
            squatter.queueDelete(queue);
        }
    }

    @Test
    void aClientClosedWithATaskPendingFailsItsFutureAndDeletesItsReplyQueue(TestBroker test)
            throws Exception {
        Queues.reset(test, "it-echo"); // nobody consumes it here: the task stays pending
        try (Broker broker = Broker.connect(config(test).build())) {
            TaskClient client = new TaskClient(broker);
            String replyQueue = Topology.replyQueue(client.clientId());
            TaskHandle<String> pending = client.submit(new Echo("never answered"));
            client.close();
            assertThatThrownBy(() -> pending.await(Duration.ofSeconds(5)))
                    .hasMessageContaining("was closed before the reply came");
            try (Connection raw = test.rawConnection()) {
                Channel channel = raw.createChannel();
                assertThatThrownBy(() -> channel.queueDeclarePassive(replyQueue))
                        .as("the reply queue of a closed client")
                        .hasStackTraceContaining("NOT_FOUND");
            }
        } finally {
            Queues.reset(test, "it-echo");
        }
    }
}
