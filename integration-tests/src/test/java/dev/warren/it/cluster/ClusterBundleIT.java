package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BundleShelf;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** With quorum queues a bundle outlives the node that led its queue. */
@ClusterTest
class ClusterBundleIT {
    private static final byte[] BODY = "bundle bytes".getBytes();

    private static WarrenConfig config(LocalCluster cluster, int node) {
        return WarrenConfig.custom()
                .brokerUri(cluster.uri(node).toString())
                .signingKeys(SigningKeys.parse(SigningKeys.generate("k1"), "cluster test keys"))
                .quorumQueues(true)
                .connectAttempts(3)
                .build();
    }

    @Test
    void aBundleIsStillReadFromAnotherNodeAfterTheNodeLeadingItsQueueIsKilled() throws Exception {
        LocalCluster cluster = LocalCluster.get();
        String queue = "warren.bundle.it-cluster-" + UUID.randomUUID();
        try (Broker producer = Broker.connect(config(cluster, 1))) {
            BrokerLink.of(producer).bundles().putOnce(queue, BODY, Map.of());
        }
        int leader = cluster.leaderOf(queue, 1);
        int other = leader % LocalCluster.NODES + 1;
        cluster.kill(leader);
        try (Broker reader = Broker.connect(config(cluster, other))) {
            BundleShelf shelf = BrokerLink.of(reader).bundles();
            AtomicReference<Optional<BundleShelf.Copy>> copy =
                    new AtomicReference<>(Optional.empty());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> {
                                copy.set(shelf.read(queue, Duration.ofSeconds(2)));
                                return copy.get().isPresent();
                            });
            assertThat(copy.get().get().body()).isEqualTo(BODY);
        } finally {
            cluster.restart(leader);
            cluster.deleteQueuesStartingWith(queue, other);
        }
    }
}
