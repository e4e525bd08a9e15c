package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.it.support.LeaseCut;
import dev.warren.it.support.SilentNetwork;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.testing.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A coordinator that reaches every node of the cluster through a test proxy, when the network goes
 * silent (nothing closes, nothing answers): its heartbeat tells the holder it lost the lock, a
 * process on the cluster gets it with a higher token, and once the network heals the coordinator
 * connects again by itself and takes the lock again.
 */
@ClusterTest
class ClusterNetworkCutIT {
    private final LocalCluster cluster = LocalCluster.get();

    @Test
    void aCoordinatorCutOffFromEveryNodeIsToldByHeartbeatAndComesBackWhenTheNetworkHeals()
            throws Exception {
        String name = "it-cluster-cut-" + UUID.randomUUID().toString().substring(0, 8);
        List<TcpProxy> proxies = new ArrayList<>();
        try {
            List<String> throughProxies = new ArrayList<>();
            for (int node = 1; node <= LocalCluster.NODES; node++) {
                TcpProxy proxy = TcpProxy.to(cluster.uri(node));
                proxies.add(proxy);
                throughProxies.add(proxy.uri(cluster.uri(node)).toString());
            }
            SilentNetwork network = new SilentNetwork(proxies);
            try (Coordinator cut =
                            Coordinator.connect(
                                    ClusterChild.config(String.join(",", throughProxies)).build(),
                                    ClusterChild.HEARTBEAT);
                    Coordinator other =
                            Coordinator.connect(
                                    ClusterChild.config(cluster.uriList()).build(),
                                    ClusterChild.HEARTBEAT)) {
                DistributedLock lock = DistributedLock.named(name, cut);
                DistributedLock othersLock = DistributedLock.named(name, other);
                try {
                    LeaseCut cutOff =
                            LeaseCut.of(lock, othersLock, Duration.ofSeconds(30), network);
                    Lease held = cutOff.held();
                    Lease taken = cutOff.taken();
                    assertThat(held.isValid()).isFalse();
                    assertThat(taken.fencingToken()).isGreaterThan(held.fencingToken());

                    long healedAt = System.nanoTime();
                    network.heal();
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> cut.reconnectCount() >= 1 && cut.isOpen());
                    long backAt = System.nanoTime();
                    System.out.printf(
                            "cluster, silent network to every node, %d s heartbeat: holder told"
                                    + " after %d ms, lock granted on the cluster after %d ms,"
                                    + " coordinator back %d ms after the network healed%n",
                            ClusterChild.HEARTBEAT.toSeconds(),
                            cutOff.toldAfterMillis(),
                            cutOff.grantedAfterMillis(),
                            TimeUnit.NANOSECONDS.toMillis(backAt - healedAt));

                    assertThat(lock.tryAcquire()).as("held by the other process").isEmpty();
                    taken.close();
                    try (Lease again = lock.acquire(Duration.ofSeconds(30))) {
                        assertThat(again.fencingToken()).isGreaterThan(taken.fencingToken());
                    }
                } finally {
                    othersLock.delete();
                }
            }
        } finally {
            for (TcpProxy proxy : proxies) {
                proxy.close();
            }
        }
    }
}
