package dev.warren.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.support.LogCapture;
import dev.warren.it.support.RecordRuns;
import dev.warren.it.tasks.Record;
import dev.warren.testing.process.JvmProcess;
import dev.warren.testing.process.WorkerLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster proof: 5,000 tasks through {@code map} on two worker processes, client and workers
 * given all three nodes, every queue quorum, while the node leading the work queue is SIGKILLed.
 * The work must go on while that node is down (the processes fail over to the others), and again
 * after it is back; no task is lost, every result is right, duplicates are counted.
 */
@ClusterTest
class ClusterTasksIT {
    private static final int TASKS = 5_000;
    private static final String QUEUE = "it-chaos"; // Record's queue
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(30);

    @Test
    void noTaskIsLostWhenTheNodeLeadingTheWorkQueueIsKilledAndRestarted(@TempDir Path executions)
            throws Exception {
        LocalCluster cluster = LocalCluster.get();
        String namespace = "c" + UUID.randomUUID().toString().substring(0, 8);
        BrokerNames names = BrokerNames.of(namespace);
        String keysText = SigningKeys.generate("k1");
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri(cluster.uriList())
                        .signingKeys(SigningKeys.parse(keysText, "cluster test keys"))
                        .namespace(namespace)
                        .quorumQueues(true)
                        .connectAttempts(3)
                        .build();
        AtomicLong progress = new AtomicLong();
        AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
        List<JvmProcess> workers = new ArrayList<>();
        int killed = 0;
        long started = System.nanoTime();
        try (LogCapture ignoredReplies =
                        LogCapture.of("dev.warren.client.PendingReplies", Level.TRACE);
                Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            workers.add(worker(cluster, keysText, namespace, 1).start());
            workers.add(worker(cluster, keysText, namespace, 2).start());
            List<Record> tasks =
                    IntStream.range(0, TASKS)
                            .mapToObj(i -> new Record(i, executions.toString(), 2))
                            .toList();

            CompletableFuture<List<Integer>> results =
                    client.map(
                            tasks,
                            MapOptions.custom()
                                    .window(300)
                                    .outageTolerance(Duration.ofMinutes(2))
                                    .onProgress(
                                            (done, total) -> {
                                                progress.set(done);
                                                lastProgressNanos.set(System.nanoTime());
                                            })
                                    .build());

            awaitProgress(progress, 500, Duration.ofMinutes(1));
            killed = cluster.leaderOf(names.workQueue(QUEUE), 1);
            long atKill = progress.get();
            long killedAt = System.nanoTime();
            cluster.kill(killed);
            log("SIGKILL node %d (leader of %s) at %d completed", killed, QUEUE, atKill);

            // while the node is down: the survivors elect a new leader and every process that was
            // connected to the dead node connects to another one
            awaitProgress(progress, atKill + 300, RESUME_WITHIN);
            double resumedSeconds = (System.nanoTime() - killedAt) / 1e9;
            log(
                    "300 more completed %.1f s after the kill, node %d still down (%d done)",
                    resumedSeconds, killed, progress.get());

            cluster.restart(killed);
            log("node %d back at %d completed", killed, progress.get());

            List<Integer> values = results.get(3, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - started) / 1e9;

            RecordRuns runs = RecordRuns.of(values, executions, TASKS);
            long duplicateReplies =
                    ignoredReplies.messages().stream()
                            .filter(m -> m.startsWith("ignoring a reply"))
                            .count();
            log(
                    "%d tasks in %.1f s: lost %d, never executed %d, duplicate executions %d,"
                            + " duplicate replies ignored %d, resumed %.1f s after the kill",
                    TASKS,
                    seconds,
                    runs.lost(),
                    runs.neverRan(),
                    runs.duplicates(),
                    duplicateReplies,
                    resumedSeconds);

            log(
                    "copies of finished tasks: %d refused as replays (dead letters), %d still queued",
                    depth(cluster, killed, names.deadLetterQueue(QUEUE)),
                    depth(cluster, killed, names.workQueue(QUEUE)));

            assertThat(runs.lost()).as("tasks never completed with the right result").isZero();
            assertThat(runs.neverRan()).as("completed tasks with no recorded execution").isZero();
            assertThat(client.inFlight()).as("futures still waiting").isZero();
            assertQueuesReplicated(cluster, killed, namespace);
        } finally {
            for (JvmProcess worker : workers) {
                if (worker.isAlive()) {
                    ItWorkers.terminate(worker, Duration.ofSeconds(60));
                }
                worker.close();
            }
            if (killed > 0) {
                cluster.restart(killed); // a no-op when it runs
            }
            cluster.deleteQueuesStartingWith("warren@" + namespace + ".", 1);
        }
    }

    /**
     * Every queue Warren declared in the namespace is quorum, or a stream: none lives on one node.
     */
    private static void assertQueuesReplicated(LocalCluster cluster, int node, String namespace) {
        String listing =
                cluster.rabbitmqctl(node, "list_queues", "--no-table-headers", "name", "type");
        List<String> ours =
                listing.lines()
                        .map(String::strip)
                        .filter(line -> line.startsWith("warren@" + namespace + "."))
                        .toList();
        log("queues: %s", ours);
        assertThat(ours).as("Warren's queues on the cluster").isNotEmpty();
        assertThat(ours)
                .as("every queue replicated")
                .allMatch(line -> line.endsWith("quorum") || line.endsWith("stream"));
    }

    private static int depth(LocalCluster cluster, int node, String queue) {
        return cluster.rabbitmqctl(node, "list_queues", "--no-table-headers", "name", "messages")
                .lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(columns -> columns.length == 2 && columns[0].equals(queue))
                .mapToInt(columns -> Integer.parseInt(columns[1]))
                .findFirst()
                .orElse(0);
    }

    private static WorkerLauncher worker(
            LocalCluster cluster, String keysText, String namespace, int number) {
        return WorkerLauncher.fromBuild()
                .logFile(Path.of("target", "cluster-worker-" + number + ".log"))
                .environment("WARREN_BROKER_URI", cluster.uriList())
                .keys(keysText)
                .jvmArgs("-Xmx256m")
                .taskClasspath(System.getProperty("warren.test.classes", "target/test-classes"))
                .concurrency(4)
                .shutdownTimeout(Duration.ofSeconds(60))
                .logLevel("INFO")
                .options("--quorum", "--namespace", namespace)
                .queues(QUEUE);
    }

    private static void awaitProgress(AtomicLong progress, long atLeast, Duration within) {
        await().atMost(within).until(() -> progress.get() >= atLeast);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[cluster] " + format + "%n", args);
    }
}
