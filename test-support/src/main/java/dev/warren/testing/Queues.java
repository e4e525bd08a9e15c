package dev.warren.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw queue access for tests: start from empty task queues, look at what is in a broker queue. Task
 * queues are the names tasks give in {@code @TaskOptions(queue = ...)}; broker queues are
 * RabbitMQ's names for them, such as {@code warren.primes} and {@code warren.primes.dead}.
 */
public final class Queues {
    private Queues() {}

    /**
     * Deletes the work and dead-letter queues and the log of taken tasks of these task queues, so a
     * test starts clean; after the test class they are deleted again, with their retry-delay
     * queues.
     */
    public static void reset(TestBroker broker, String... taskQueues) throws Exception {
        try (Connection connection = broker.rawConnection()) {
            for (String queue : taskQueues) {
                broker.deleteAfterClass(queue);
                for (String name :
                        List.of(
                                Topology.workQueue(queue),
                                Topology.deadLetterQueue(queue),
                                Topology.takenLog(queue))) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(name);
                    }
                }
            }
        }
    }

    /**
     * Deletes these broker queues after the test class, and every other queue or exchange whose
     * name contains one of them; the class fails if one is still there then. For queues with names
     * of their own that the test cannot delete itself, such as the reply queue of a client whose
     * connection the test cut.
     */
    public static void deleteAfterClass(TestBroker broker, String... brokerQueues) {
        for (String queue : brokerQueues) {
            broker.deleteNamedAfterClass(queue);
        }
    }

    /** Takes every message now in a broker queue (acknowledged), in order. */
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
        } catch (IOException e) {
            return 0;
        }
    }
}
