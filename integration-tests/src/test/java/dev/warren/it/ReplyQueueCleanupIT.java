package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.Topology;
import dev.warren.testing.Queues;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A closed client leaves no reply queue behind, also when it closes in the middle of a recovery.
 */
@WarrenTest
class ReplyQueueCleanupIT {

    @Test
    void aClientClosedRightAfterItsConnectionDroppedStillDeletesItsReplyQueue(TestBroker test)
            throws Exception {
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Broker broker =
                        Broker.connect(test.config().brokerUri(proxy.uri(test.uri())).build())) {
            TaskClient client = new TaskClient(broker);
            String replyQueue = Topology.replyQueue(client.clientId());
            Queues.deleteAfterClass(test, replyQueue);
            assertThat(exists(test, replyQueue)).isTrue();

            proxy.cutAll();
            client.close();

            assertThat(exists(test, replyQueue))
                    .as("deleted once the connection had recovered")
                    .isFalse();
            // a later recovery of the same connection must not declare it again
            proxy.cutAll();
            Thread.sleep(3_000);
            assertThat(exists(test, replyQueue)).as("not declared again").isFalse();
        }
    }

    @Test
    void aClientClosedOnAHealthyConnectionDeletesItsReplyQueue(TestBroker test) throws Exception {
        try (Broker broker = Broker.connect(test.config().build())) {
            TaskClient client = new TaskClient(broker);
            String replyQueue = Topology.replyQueue(client.clientId());
            Queues.deleteAfterClass(test, replyQueue);

            client.close();

            assertThat(exists(test, replyQueue)).isFalse();
        }
    }

    private static boolean exists(TestBroker test, String queue) throws Exception {
        try (Connection connection = test.rawConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException notFound) {
            return false;
        }
    }
}
