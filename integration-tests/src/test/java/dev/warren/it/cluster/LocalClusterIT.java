package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The harness itself: a quorum queue keeps its confirmed messages when its leader is SIGKILLed. */
@ClusterTest
class LocalClusterIT {
    @Test
    void aQuorumQueueOutlivesItsLeader() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        String queue = "it-cluster-smoke-" + UUID.randomUUID();
        try (Connection first = connect(cluster, 1)) {
            Channel channel = first.createChannel();
            channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.confirmSelect();
            for (int i = 0; i < 10; i++) {
                channel.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
        int leader = cluster.leaderOf(queue, 1);
        int survivor = leader % LocalCluster.NODES + 1;
        cluster.kill(leader);
        try {
            int received = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (received < 10 && System.nanoTime() < deadline) {
                received += drain(cluster, survivor, queue, 10 - received, deadline);
            }
            assertThat(received).as("messages after the leader's death").isEqualTo(10);
        } finally {
            cluster.restart(leader);
            cluster.rabbitmqctl(survivor, "delete_queue", queue);
        }
    }

    /**
     * Takes up to {@code wanted} messages through node {@code node}. Just after a leader's death,
     * RabbitMQ 3.10 can answer a get with a connection error (541 nodedown): then it connects
     * again.
     */
    private static int drain(
            LocalCluster cluster, int node, String queue, int wanted, long deadline)
            throws Exception {
        int received = 0;
        try (Connection other = connect(cluster, node)) {
            Channel channel = other.createChannel();
            while (received < wanted && System.nanoTime() < deadline) {
                GetResponse message = channel.basicGet(queue, true);
                if (message == null) {
                    Thread.sleep(100);
                } else {
                    received++;
                }
            }
        } catch (java.io.IOException | com.rabbitmq.client.AlreadyClosedException nodedown) {
            Thread.sleep(200);
        }
        return received;
    }

    private static Connection connect(LocalCluster cluster, int node) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(cluster.uri(node));
        return factory.newConnection("it-cluster-smoke");
    }
}
