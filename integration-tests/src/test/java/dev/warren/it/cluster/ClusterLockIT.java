package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.internal.transport.BrokerNames;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock shared by three processes, one on each node of a cluster with quorum queues, while the
 * node leading the lock's token queue is SIGKILLed and started again: the counter the holders
 * increment ends exact, no two processes are ever inside at once, and fencing tokens rise in the
 * order of the writes.
 */
@ClusterTest
class ClusterLockIT {
    @Test
    void theLockStaysExclusiveAndFencedAcrossTheDeathOfItsLeader(@TempDir Path dir)
            throws Exception {
        LocalCluster cluster = LocalCluster.get();
        String name = "it-cluster-lock-" + UUID.randomUUID().toString().substring(0, 8);
        Path counter = dir.resolve("counter");
        Path log = dir.resolve("counter.log");
        Path stop = dir.resolve("stop");
        Files.writeString(counter, "0 0");
        List<JvmProcess> children = new ArrayList<>();
        try (Coordinator coordinator =
                Coordinator.connect(
                        ClusterChild.config(cluster.uriList()).build(), ClusterChild.HEARTBEAT)) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            String tokenQueue =
                    BrokerNames.of(coordinator.config().namespace()).syncPrefix() + "lock." + name;
            int leader = cluster.leaderOf(tokenQueue, 1);
            int survivor = leader % LocalCluster.NODES + 1;
            try {
                for (int node = 1; node <= LocalCluster.NODES; node++) {
                    children.add(
                            ClusterChild.launch(
                                    cluster.uri(node).toString(),
                                    "lock-increment",
                                    name,
                                    counter.toString(),
                                    stop.toString(),
                                    dir.resolve("hold-" + node).toString(),
                                    "true"));
                }
                for (JvmProcess child : children) {
                    child.awaitLine("READY", Duration.ofSeconds(30));
                }
                awaitWrites(log, 30, children);

                JvmProcess holder = children.get(leader - 1);
                Files.createFile(dir.resolve("hold-" + leader));
                holder.awaitLine("HOLDING", Duration.ofSeconds(20));
                int writesBefore = lines(log).size();
                long killedAt = System.currentTimeMillis();
                cluster.kill(leader);
                long lostAt =
                        Long.parseLong(
                                holder.awaitLine("LOST", Duration.ofSeconds(30)).split(" ")[1]);
                Files.delete(dir.resolve("hold-" + leader));
                awaitWrites(log, writesBefore + 30, children);
                long grantedAt = firstWriteAfter(log, killedAt);
                System.out.printf(
                        "cluster lock, leader node %d SIGKILLed: holder on it told after %d ms,"
                                + " lock granted on another node after %d ms%n",
                        leader, lostAt - killedAt, grantedAt - killedAt);

                cluster.restart(leader);
                long restartedAt = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> wroteAfter(log, holder.pid(), restartedAt));
                Files.createFile(stop);
                long done = 0;
                for (JvmProcess child : children) {
                    String[] counts = child.awaitLine("DONE", Duration.ofSeconds(90)).split(" ");
                    done += Long.parseLong(counts[0]);
                }
                long lost = 0;
                for (JvmProcess child : children) {
                    String output = child.outputText();
                    assertThat(output)
                            .as(child.label())
                            .doesNotContain("TWO-HOLDERS")
                            .doesNotContain("FENCING-VIOLATION");
                    lost += child.output().stream().filter(l -> l.startsWith("LOST")).count();
                }
                System.out.printf(
                        "cluster lock: %d increments by 3 processes on 3 nodes, %d leases lost%n",
                        done, lost);

                String[] parts = Files.readString(counter).strip().split(" ");
                assertThat(Long.parseLong(parts[0])).as("the file counter").isEqualTo(done);
                List<Long> tokens =
                        lines(log).stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
                assertThat(tokens).hasSize((int) done);
                for (int i = 1; i < tokens.size(); i++) {
                    assertThat(tokens.get(i))
                            .as("token of write %d after %d", i, tokens.get(i - 1))
                            .isGreaterThan(tokens.get(i - 1));
                }
                assertThat(lost).as("leases lost").isGreaterThanOrEqualTo(1);
            } finally {
                if (!Files.exists(stop)) {
                    Files.createFile(stop);
                }
                children.forEach(JvmProcess::close);
                cluster.restart(leader);
                lock.delete();
                cluster.deleteQueuesStartingWith(tokenQueue, survivor);
            }
        }
    }

    /** Whether process {@code pid} wrote after {@code millis}: it works again. */
    private static boolean wroteAfter(Path log, long pid, long millis) throws Exception {
        return lines(log).stream()
                .map(l -> l.split(" "))
                .anyMatch(f -> Long.parseLong(f[2]) == pid && Long.parseLong(f[1]) > millis);
    }

    static void awaitWrites(Path log, int writes, List<JvmProcess> children) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> lines(log).size() >= writes);
        } catch (ConditionTimeoutException e) {
            StringBuilder outputs = new StringBuilder();
            for (JvmProcess child : children) {
                outputs.append(child.label()).append(":\n").append(child.outputText()).append('\n');
            }
            throw new AssertionError(
                    "fewer than " + writes + " writes; children said:\n" + outputs, e);
        }
    }

    static List<String> lines(Path log) throws Exception {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    }

    private static long firstWriteAfter(Path log, long millis) throws Exception {
        return lines(log).stream()
                .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                .filter(t -> t > millis)
                .min()
                .orElseThrow();
    }
}
