package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.internal.transport.BrokerNames;
import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared-map counter incremented by four processes spread over a cluster with quorum queues ends
 * exact across a SIGKILL of the node that leads the map's queues and carries its owner's
 * connection.
 */
@ClusterTest
class ClusterMapIT {
    private static final String KEY = "count";

    @Test
    void theCounterEndsExactAcrossTheDeathOfTheOwnersNode(@TempDir Path dir) throws Exception {
        LocalCluster cluster = LocalCluster.get();
        String name = "it-cluster-map-" + UUID.randomUUID().toString().substring(0, 8);
        Path stop = dir.resolve("stop");
        int ownerNode = 1;
        int[] otherNodes = {2, 3, 2};
        List<JvmProcess> children = new ArrayList<>();
        try (Coordinator coordinator =
                Coordinator.connect(
                        ClusterChild.config(cluster.uri(3).toString()).build(),
                        ClusterChild.HEARTBEAT)) {
            String base = BrokerNames.of(coordinator.config().namespace()).syncPrefix() + "map.";
            String requests = base + name + "#requests";
            String log = base + name + "#log-a";
            SharedMap<String, Integer> map = null;
            try {
                // the first process declares the map's queues (their leaders on its node) and
                // becomes the owner; this JVM stands last, behind the other children
                JvmProcess owner = launch(cluster, ownerNode, name, stop);
                children.add(owner);
                owner.awaitLine("OWNER", Duration.ofSeconds(30));
                for (int node : otherNodes) {
                    children.add(launch(cluster, node, name, stop));
                }
                for (JvmProcess child : children) {
                    child.awaitLine("READY", Duration.ofSeconds(30));
                }
                map = SharedMap.named(name, String.class, Integer.class, coordinator);
                map.timeout(Duration.ofSeconds(60));
                SharedMap<String, Integer> counter = map;
                int requestLeader = cluster.leaderOf(requests, 2);
                int logLeader = cluster.leaderOf(log, 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> value(counter) >= 100);

                long killedAt = System.currentTimeMillis();
                cluster.kill(ownerNode);
                int before = value(map);
                long answeredAt = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(60)).until(() -> value(counter) >= before + 100);
                long childOwnerAt = ownerSince(children, killedAt);
                System.out.printf(
                        "cluster map: node %d (owner's connection; leader of requests: node %d,"
                                + " of its log: node %d) SIGKILLed: a request answered again"
                                + " after %d ms; new owner: %s%n",
                        ownerNode,
                        requestLeader,
                        logLeader,
                        answeredAt - killedAt,
                        childOwnerAt > 0
                                ? "a child, " + (childOwnerAt - killedAt) + " ms after the kill"
                                : map.isOwner() ? "this JVM" : "not seen");

                cluster.restart(ownerNode);
                int afterRestart = value(map);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> value(counter) >= afterRestart + 100);
                Files.createFile(stop);
                long done = 0;
                long failures = 0;
                for (JvmProcess child : children) {
                    String[] counts = child.awaitLine("DONE", Duration.ofSeconds(90)).split(" ");
                    done += Long.parseLong(counts[0]);
                    failures += Long.parseLong(counts[1]);
                }
                System.out.printf(
                        "cluster map: %d increments acknowledged to 4 processes, %d failed%n",
                        done, failures);
                assertThat(failures).as("increments that failed").isZero();
                assertThat(value(map)).as("the shared counter").isEqualTo(done);
            } finally {
                if (!Files.exists(stop)) {
                    Files.createFile(stop);
                }
                children.forEach(JvmProcess::close);
                cluster.restart(ownerNode);
                if (map != null) {
                    map.close();
                    map.delete();
                }
                cluster.deleteQueuesStartingWith(base + name, 3);
            }
        }
    }

    private static JvmProcess launch(LocalCluster cluster, int node, String name, Path stop)
            throws Exception {
        return ClusterChild.launch(
                cluster.uri(node).toString(), "map-increment", name, KEY, stop.toString());
    }

    private static int value(SharedMap<String, Integer> map) {
        return map.get(KEY).orElse(0);
    }

    /** When a process other than the first became the owner after {@code millis}; 0: none. */
    private static long ownerSince(List<JvmProcess> children, long millis) {
        return children.stream()
                .skip(1)
                .flatMap(child -> child.output().stream())
                .filter(line -> line.startsWith("OWNER "))
                .mapToLong(line -> Long.parseLong(line.split(" ")[1]))
                .filter(t -> t > millis)
                .min()
                .orElse(0);
    }
}
