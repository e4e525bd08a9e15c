package dev.warren.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Headers;
import dev.warren.it.support.ItWorkers;
import dev.warren.it.support.RecordRuns;
import dev.warren.it.tasks.Record;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery contract under the faults of real life, all in one run: 5,000 tasks through {@code
 * map} while a worker process is SIGKILLed twice, every connection is force-closed once and the
 * broker application is restarted once. Then every task is classified as in a Jepsen queue check:
 * lost (submitted, never completed) must be zero; duplicates (executed more than once) are allowed
 * by at-least-once delivery and are counted.
 */
@WarrenTest
class ChaosIT {
    private static final int TASKS = 5_000;

    @Test
    void noTaskIsLostWhenWorkersAreKilledConnectionsClosedAndTheBrokerRestarted(
            TestBroker test, @TempDir Path executions) throws Exception {
        Queues.reset(test, "it-chaos");
        List<JvmProcess> workers = new ArrayList<>();
        AtomicLong progress = new AtomicLong();
        String replyQueue;
        long started = System.nanoTime();
        try (Broker broker = Broker.connect(test.config().build());
                TaskClient client = new TaskClient(broker)) {
            replyQueue = Topology.replyQueue(client.clientId());
            workers.add(ItWorkers.start(test, 4, "it-chaos"));
            workers.add(ItWorkers.start(test, 4, "it-chaos"));
            List<Record> tasks =
                    IntStream.range(0, TASKS)
                            .mapToObj(i -> new Record(i, executions.toString(), 3))
                            .toList();

            CompletableFuture<List<Integer>> results =
                    client.map(
                            tasks,
                            MapOptions.custom()
                                    .window(300)
                                    .outageTolerance(Duration.ofMinutes(3))
                                    .onProgress((done, total) -> progress.set(done))
                                    .build());

            awaitProgress(progress, 500);
            workers.get(0).kill();
            log("SIGKILL worker 1 at %d completed", progress.get());
            workers.add(ItWorkers.start(test, 4, "it-chaos"));

            awaitProgress(progress, 1500);
            log("closing all connections at %d completed", progress.get());
            test.rabbitmqctl("close_all_connections", "chaos test");

            awaitProgress(progress, 2500);
            workers.get(1).kill();
            log("SIGKILL worker 2 at %d completed", progress.get());
            workers.add(ItWorkers.start(test, 4, "it-chaos"));

            awaitProgress(progress, 3500);
            log("restarting the broker application at %d completed", progress.get());
            try {
                test.rabbitmqctl("stop_app");
            } finally {
                test.rabbitmqctl("start_app");
                test.rabbitmqctl("await_startup");
            }

            List<Integer> values = results.get(4, TimeUnit.MINUTES);

            RecordRuns runs = RecordRuns.of(values, executions, TASKS);
            log(
                    "%d tasks in %.1f s: lost %d, never executed %d, duplicate executions %d",
                    TASKS,
                    (System.nanoTime() - started) / 1e9,
                    runs.lost(),
                    runs.neverRan(),
                    runs.duplicates());

            assertThat(runs.lost())
                    .as("tasks submitted but never completed with the right result")
                    .isZero();
            assertThat(runs.neverRan()).as("completed tasks with no recorded execution").isZero();
            assertThat(client.inFlight()).as("futures still waiting").isZero();
        } finally {
            for (JvmProcess worker : workers.subList(2, workers.size())) {
                if (worker.isAlive()) {
                    assertThat(ItWorkers.terminate(worker, Duration.ofSeconds(60)))
                            .as("surviving workers stop cleanly")
                            .isZero();
                }
            }
            for (JvmProcess worker : workers) {
                worker.close();
            }
        }

        String queues = test.rabbitmqctl("list_queues", "-q", "name");
        assertThat(queues).as("the client deleted its reply queue").doesNotContain(replyQueue);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () ->
                                assertThat(
                                                test.rabbitmqctl(
                                                        "list_connections",
                                                        "-q",
                                                        "client_properties"))
                                        .as("no Warren connection left open")
                                        .doesNotContain("warren-worker@")
                                        .doesNotContain("warren@"));
        // a publish confirmed only after the connection dropped was sent again: such a copy of a
        // finished task may still wait in the queue, a duplicate nobody waits for
        log(
                "duplicate copies still queued after the run: %d",
                Queues.drain(test, Topology.workQueue("it-chaos")).size());
        // a second copy of a task the fleet already took is refused as a replay: the one kind of
        // dead letter this run may leave; a refusal made while the worker's publishing connection
        // was still recovering could not publish its sealed letter, so the broker dead-lettered the
        // copy itself, without the reason
        List<String> deadReasons =
                Queues.drain(test, Topology.deadLetterQueue("it-chaos")).stream()
                        .map(m -> m.getProps().getHeaders())
                        .map(
                                h ->
                                        h.containsKey(Headers.DEAD_REASON)
                                                ? String.valueOf(h.get(Headers.DEAD_REASON))
                                                : "broker:" + h.get("x-first-death-reason"))
                        .toList();
        log(
                "duplicate copies refused as replays: %d (%d dead-lettered by the broker)",
                deadReasons.size(), deadReasons.stream().filter("broker:rejected"::equals).count());
        assertThat(deadReasons)
                .as("no task failed or was refused otherwise")
                .allMatch(r -> r.equals("REPLAYED") || r.equals("broker:rejected"));
    }

    private static void awaitProgress(AtomicLong progress, long atLeast) {
        await().atMost(Duration.ofMinutes(2)).until(() -> progress.get() >= atLeast);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[chaos] " + format + "%n", args);
    }
}
