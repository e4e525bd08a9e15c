package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedEvent;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.EventChannel;
import dev.warren.sync.Lease;
import dev.warren.sync.Permit;
import dev.warren.sync.SharedMap;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A coordinator given every node of a cluster (quorum queues on) that loses its node, its
 * connection or its node's RabbitMQ application: it moves to a node that answers, tells the holders
 * of leases and permits they lost them, and every primitive works again on the same objects.
 */
@ClusterTest
class ClusterCoordinatorIT {
    private final LocalCluster cluster = LocalCluster.get();

    @Test
    void aCoordinatorWhoseNodeIsKilledMovesToAnotherNode() throws Exception {
        try (Primitives primitives = Primitives.open(cluster)) {
            int node = primitives.node();
            primitives.holdLeaseAndPermit();
            long killedAt = System.nanoTime();
            try {
                cluster.kill(node);
                primitives.awaitLostAndBack("node " + node + " SIGKILLed", killedAt);
                assertThat(primitives.node()).as("the node it moved to").isNotEqualTo(node);
                primitives.assertAllWork();
            } finally {
                cluster.restart(node);
            }
        }
    }

    @Test
    void aCoordinatorWhoseConnectionIsClosedByTheBrokerComesBack() throws Exception {
        try (Primitives primitives = Primitives.open(cluster)) {
            primitives.holdLeaseAndPermit();
            LocalCluster.ClientConnection connection = primitives.connection();
            long closedAt = System.nanoTime();
            cluster.closeConnection(connection, "cluster test: forced close");
            primitives.awaitLostAndBack("connection closed by node " + connection.node(), closedAt);
            primitives.assertAllWork();
        }
    }

    @Test
    void aCoordinatorWhoseNodeStopsItsApplicationMovesToAnotherNode() throws Exception {
        try (Primitives primitives = Primitives.open(cluster)) {
            int node = primitives.node();
            primitives.holdLeaseAndPermit();
            long stoppedAt = System.nanoTime();
            try {
                cluster.stopApp(node);
                primitives.awaitLostAndBack("stop_app on node " + node, stoppedAt);
                assertThat(primitives.node()).as("the node it moved to").isNotEqualTo(node);
                primitives.assertAllWork();
            } finally {
                cluster.startApp(node);
            }
        }
    }

    /** One coordinator and one of each primitive on it, under names no other test uses. */
    private static final class Primitives implements AutoCloseable {
        private final LocalCluster cluster;
        private final String connectionName;
        private final Coordinator coordinator;
        private final DistributedLock lock;
        private final DistributedSemaphore semaphore;
        private final SharedMap<String, Integer> map;
        private final DistributedEvent event;
        private final EventChannel<String> channel;
        private final EventChannel.Subscription subscription;
        private final List<String> received = new CopyOnWriteArrayList<>();
        private final AtomicLong leaseLostAt = new AtomicLong();
        private final AtomicLong permitLostAt = new AtomicLong();
        private Lease lease;
        private Permit permit;

        private Primitives(LocalCluster cluster, String name) {
            this.cluster = cluster;
            this.connectionName = name;
            this.coordinator =
                    Coordinator.connect(
                            ClusterChild.config(cluster.uriList()).connectionName(name).build(),
                            ClusterChild.HEARTBEAT);
            this.lock = DistributedLock.named(name, coordinator);
            this.semaphore = DistributedSemaphore.named(name, 2, coordinator);
            this.map = SharedMap.named(name, String.class, Integer.class, coordinator);
            this.event = DistributedEvent.named(name, coordinator);
            this.channel = EventChannel.named(name, String.class, coordinator);
            this.subscription = channel.subscribe(received::add);
            map.timeout(Duration.ofSeconds(30));
        }

        static Primitives open(LocalCluster cluster) {
            return new Primitives(
                    cluster, "it-cluster-coord-" + UUID.randomUUID().toString().substring(0, 8));
        }

        /** The broker's view of the coordinator's one connection, asked of any running node. */
        LocalCluster.ClientConnection connection() {
            for (int ask = 1; ask <= LocalCluster.NODES; ask++) {
                try {
                    List<LocalCluster.ClientConnection> found =
                            cluster.connectionsContaining(connectionName, ask);
                    assertThat(found).as("connections named " + connectionName).hasSize(1);
                    return found.get(0);
                } catch (IllegalStateException nodeDown) {
                    // ask the next node
                }
            }
            throw new IllegalStateException("no node answered list_connections");
        }

        int node() {
            return connection().node();
        }

        void holdLeaseAndPermit() {
            map.put("count", 1);
            lease = lock.acquire(Duration.ofSeconds(30));
            lease.onLost(() -> leaseLostAt.set(System.nanoTime()));
            permit = semaphore.acquire(Duration.ofSeconds(30));
            permit.onLost(() -> permitLostAt.set(System.nanoTime()));
        }

        /** Waits until the lease and permit are reported lost and the coordinator is back. */
        void awaitLostAndBack(String what, long since) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> leaseLostAt.get() != 0 && permitLostAt.get() != 0);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> coordinator.reconnectCount() >= 1 && coordinator.isOpen());
            long backAt = System.nanoTime();
            long regranted = System.nanoTime();
            try (Lease again = lock.acquire(Duration.ofSeconds(60))) {
                regranted = System.nanoTime();
                assertThat(again.fencingToken()).isGreaterThan(lease.fencingToken());
            }
            System.out.printf(
                    "cluster coordinator, %s: lease lost after %d ms, permit lost after %d ms,"
                            + " coordinator reconnected after %d ms, lock granted again after"
                            + " %d ms%n",
                    what,
                    millis(leaseLostAt.get() - since),
                    millis(permitLostAt.get() - since),
                    millis(backAt - since),
                    millis(regranted - since));
            assertThat(lease.isValid()).isFalse();
            assertThat(permit.isValid()).isFalse();
        }

        void assertAllWork() {
            try (Permit one = semaphore.acquire(Duration.ofSeconds(30));
                    Permit two = semaphore.acquire(Duration.ofSeconds(30))) {
                assertThat(semaphore.tryAcquire()).as("a third of two permits").isEmpty();
            }
            assertThat(map.compute("count", v -> v + 1)).as("the map kept its value").isEqualTo(2);
            event.set();
            assertThat(event.await(Duration.ofSeconds(10))).isTrue();
            event.clear();
            assertThat(event.isSet()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(subscription::isActive);
            channel.publish("after the outage");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.contains("after the outage"));
        }

        private static long millis(long nanos) {
            return nanos / 1_000_000;
        }

        @Override
        public void close() {
            try {
                subscription.close();
                map.close();
                lock.delete();
                semaphore.delete();
                map.delete();
                event.delete();
                channel.delete();
            } finally {
                coordinator.close();
            }
        }
    }
}
