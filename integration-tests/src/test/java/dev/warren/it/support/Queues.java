package dev.warren.it.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.Topology;
import java.util.ArrayList;
import java.util.List;

/** Raw queue access for tests: purge before a test, read dead letters after. */
public final class Queues {
    private Queues() {}

    /**
     * Deletes a logical queue's work, dead-letter and common delay queues, so a test starts clean.
     */
    public static void reset(TestBroker broker, String... queues) throws Exception {
        try (Connection connection = broker.rawConnection()) {
            for (String queue : queues) {
                for (String name :
                        List.of(Topology.workQueue(queue), Topology.deadLetterQueue(queue))) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(name);
                    }
                }
            }
        }
    }

    /** Takes every message now in a broker queue (acked), in order. */
    public static List<GetResponse> drain(TestBroker broker, String brokerQueue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        try (Connection connection = broker.rawConnection();
                Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(brokerQueue, true)) != null) {
                messages.add(response);
            }
        }
        return messages;
    }

    /** Messages ready in a broker queue, or 0 if it does not exist. */
    public static int depth(TestBroker broker, String brokerQueue) throws Exception {
        try (Connection connection = broker.rawConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(brokerQueue).getMessageCount();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
