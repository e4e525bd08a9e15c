package dev.warren.examples;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.warren.WarrenConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;

/**
 * The broker the examples' integration tests run against: the address the examples connect to by
 * default, {@code amqp://guest:guest@localhost:5672}, because the README's example hard-codes it.
 */
public final class LocalBroker {
    public static final URI URI = WarrenConfig.DEFAULT_BROKER_URI;

    private LocalBroker() {}

    /** Fails the test, with what to do, when nothing listens at the broker's address. */
    public static void requireReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(URI.getHost(), URI.getPort()), 3000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the examples' tests need RabbitMQ at "
                            + URI.getHost()
                            + ":"
                            + URI.getPort()
                            + " ("
                            + e.getMessage()
                            + "); start one with 'rabbitmq-server -detached'",
                    e);
        }
    }

    /**
     * Deletes the broker queues of a logical queue: its work queue, its dead letters and the
     * workers' log of taken tasks.
     */
    public static void deleteQueues(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI);
        try (Connection connection = factory.newConnection("examples-test-cleanup")) {
            for (String name :
                    List.of(
                            "warren." + queue,
                            "warren." + queue + ".dead",
                            "warren." + queue + ".taken")) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(name);
                }
            }
        }
    }
}
