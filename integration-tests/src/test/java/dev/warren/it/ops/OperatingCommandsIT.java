package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskFailedException;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerRoster;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warren-worker status} and {@code dead-letters list|retry|purge} against the real broker,
 * run in this JVM through {@code WarrenWorkerCommand.run}. Each test uses queues of its own.
 */
@WarrenTest
class OperatingCommandsIT {
    private static final List<String> STATUS = List.of("status");
    private static final List<String> LIST = List.of("dead-letters", "list");
    private static final List<String> RETRY = List.of("dead-letters", "retry");
    private static final List<String> PURGE = List.of("dead-letters", "purge");

    @TempDir Path dir;

    private TestBroker test;
    private Broker broker;
    private Path keys;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) throws Exception {
        this.test = test;
        this.broker = Broker.connect(Ops.config(test));
        this.keys = Ops.keyFile(dir, test.keysText());
        this.queue = test.uniqueName("ops-cli");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    private Worker worker(String... queues) {
        return Worker.start(
                broker,
                WorkerConfig.custom()
                        .queues(queues)
                        .concurrency(2)
                        .heartbeatInterval(Duration.ofMillis(300))
                        .build());
    }

    @Test
    void statusShowsTheLiveWorkerAndTheCountsOfItsQueue() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("a"), "FAILED", "boom");
        try (Worker worker = worker(queue)) {
            String workerLine;
            Ops.Run run = Ops.cli(test, keys, STATUS, "--wait", "1.5");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("QUEUE", "READY", "UNACKED", "CONSUMERS", "DEAD");
            String queueLine =
                    run.out()
                            .lines()
                            .filter(l -> l.startsWith(queue + " "))
                            .findFirst()
                            .orElseThrow();
            assertThat(queueLine.split("\\s+")).containsExactly(queue, "0", "0", "1", "1");
            workerLine =
                    run.out()
                            .lines()
                            .filter(l -> l.contains(" " + queue + " "))
                            .filter(l -> l.contains("running"))
                            .findFirst()
                            .orElseThrow();
            assertThat(workerLine).contains(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void statusAsJsonNamesQueuesAndWorkers() throws Exception {
        try (Worker worker = worker(queue)) {
            Ops.Run run = Ops.cli(test, keys, STATUS, "--wait", "1.5", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().strip()).startsWith("{\"queues\":[").endsWith("}");
            assertThat(run.out())
                    .contains(
                            "{\"name\":\"" + queue + "\",\"exists\":true,\"ready\":0",
                            "\"queues\":[\"" + queue + "\"]",
                            "\"state\":\"running\"",
                            "\"pid\":" + ProcessHandle.current().pid());
        }
    }

    @Test
    void statusWatchRefreshesUntilItIsStopped() throws Exception {
        Ops.Run run;
        // a live worker of these keys: foreign beats on the shared broker then do not read as a
        // wrong key
        try (Worker worker = worker(queue)) {
            run =
                    Ops.cli(
                            test,
                            keys,
                            STATUS,
                            "--queue",
                            queue,
                            "--wait",
                            "5",
                            "--watch",
                            "--interval",
                            "0.2",
                            "--iterations",
                            "3");
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("QUEUE ", -1)).hasSize(4);
        assertThat(run.out()).contains("\033[H\033[2J");
    }

    @Test
    void statusWithTheWrongKeyExitsTwoSayingSo() throws Exception {
        Path wrong = Ops.keyFile(dir, SigningKeys.generate("someone-else"));
        try (Worker worker = worker(queue)) {
            Ops.Run run = Ops.cli(test, wrong, STATUS, "--wait", "1.5");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("warren-worker: ")
                    .contains("did not verify with the keys given", "wrong --key-file")
                    // other processes on a shared broker may beat with their own keys too
                    .containsPattern(
                            "key ids \\[([^]]*, )?"
                                    + Pattern.quote(test.keys().signingKeyId())
                                    + "(, [^]]*)?\\]");
        }
    }

    @Test
    void aStoppingWorkerSendsALastBeatSayingSo() throws Exception {
        try (WorkerRoster roster = WorkerRoster.listen(broker)) {
            Worker worker = worker(queue);
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    roster.workers().stream()
                                            .anyMatch(w -> w.queues().contains(queue)));
            worker.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    roster.workers().stream()
                                            .anyMatch(
                                                    w ->
                                                            w.queues().contains(queue)
                                                                    && WorkerHeartbeat.STOPPING
                                                                            .equals(w.state())));
        }
    }

    @Test
    void listShowsEachDeadLetterAndLeavesThemInOrder() throws Exception {
        Envelope first =
                Ops.deadLetter(
                        test,
                        broker,
                        queue,
                        new OpsEcho("1"),
                        "FAILED",
                        "java.lang.IllegalStateException: disk full");
        Envelope second =
                Ops.deadLetter(
                        test, broker, queue, new OpsEcho("2"), "EXPIRED", "was due too long ago");

        Ops.Run run = Ops.cli(test, keys, LIST, queue);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("ID", "TYPE", "ATTEMPT", "REASON", "ERROR")
                .contains(first.messageId(), second.messageId(), "OpsEcho", "FAILED", "EXPIRED")
                .contains("java.lang.IllegalStateException: disk full")
                .contains("2 dead letters in " + Topology.deadLetterQueue(queue));
        assertThat(run.out().indexOf(first.messageId()))
                .isLessThan(run.out().indexOf(second.messageId()));
        List<GetResponse> left = Queues.drain(test, Topology.deadLetterQueue(queue));
        assertThat(left)
                .extracting(r -> r.getProps().getMessageId())
                .containsExactly(first.messageId(), second.messageId());
    }

    @Test
    void listAsJsonHasIdTypeAttemptReasonAndError() throws Exception {
        Envelope dead = Ops.deadLetter(test, broker, queue, new OpsEcho("1"), "FAILED", "boom");

        Ops.Run run = Ops.cli(test, keys, LIST, "warren." + queue + ".dead", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "\"id\":\"" + dead.messageId() + "\"",
                        "\"type\":\"" + OpsEcho.class.getName() + "\"",
                        "\"attempt\":3",
                        "\"reason\":\"FAILED\"",
                        "\"lastError\":\"boom\"",
                        "\"verified\":true");
    }

    @Test
    void aTaskThatFailedOnAWorkerIsListedWithItsLastError() throws Exception {
        Queues.reset(test, "ops-boom");
        try (Worker worker = worker("ops-boom");
                TaskClient client = new TaskClient(broker)) {
            ExecutionException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class,
                            () -> client.submit(new OpsBoom("no disk")).result().get());
            assertThat(failure.getCause()).isInstanceOf(TaskFailedException.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Queues.depth(test, Topology.deadLetterQueue("ops-boom")) == 1);

            Ops.Run run = Ops.cli(test, keys, LIST, "ops-boom");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("OpsBoom", "FAILED", "java.lang.IllegalStateException: no disk");
        }
    }

    @Test
    void retryByIdSendsOnlyThatOneBackResignedAsAttemptOne() throws Exception {
        Envelope wanted =
                Ops.deadLetter(test, broker, queue, new OpsEcho("again"), "FAILED", "boom");
        Envelope other = Ops.deadLetter(test, broker, queue, new OpsEcho("stay"), "FAILED", "boom");
        long before = System.currentTimeMillis();

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--id", wanted.messageId());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("retried " + wanted.messageId(), "1 retried, 0 refused, 1 left");
        List<GetResponse> work = Queues.drain(test, Topology.workQueue(queue));
        assertThat(work).hasSize(1);
        GetResponse retried = work.get(0);
        assertThat(retried.getProps().getHeaders().get(Headers.ATTEMPT)).isEqualTo(1);
        assertThat(retried.getProps().getHeaders().get(DeadLetters.RETRY_OF).toString())
                .isEqualTo(wanted.messageId());
        assertThat(retried.getProps().getHeaders()).doesNotContainKey(Headers.DEAD_REASON);
        assertThat(((Number) retried.getProps().getHeaders().get(Headers.TIMESTAMP)).longValue())
                .isGreaterThanOrEqualTo(before);
        assertThat(retried.getProps().getMessageId()).isNotEqualTo(wanted.messageId());
        assertThat(retried.getBody()).isEqualTo(wanted.body());
        List<GetResponse> dead = Queues.drain(test, Topology.deadLetterQueue(queue));
        assertThat(dead)
                .extracting(r -> r.getProps().getMessageId())
                .containsExactly(other.messageId());
    }

    @Test
    void aRetriedDeadLetterRunsOnAWorker() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("again"), "FAILED", "boom");
        try (Worker worker = worker(queue)) {
            Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");

            assertThat(run.exitCode()).as(run.err()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.stats().succeeded() == 1);
            assertThat(worker.stats().rejected()).isZero();
        }
    }

    @Test
    void retryAllRefusesAHandMadeDeadLetterSayingWhyAndCountsItAsLeft() throws Exception {
        Envelope valid =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        dev.warren.TaskId.random().toString(),
                                        OpsEcho.class.getName(),
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        TaskProtocol.taskOn(queue)),
                                new OpsEcho("x"));
        Ops.publishDead(test, queue, valid, valid.body(), "FAILED", "boom");
        Envelope genuine = Ops.deadLetter(test, broker, queue, new OpsEcho("y"), "FAILED", "boom");

        Ops.Run refused = Ops.cli(test, keys, RETRY, queue, "--all");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("not retried " + valid.messageId(), "not sealed by a worker");
        assertThat(refused.out())
                .contains("retried " + genuine.messageId(), "1 retried, 1 refused, 1 left");
        assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isEqualTo(1);
        assertThat(Queues.depth(test, Topology.workQueue(queue))).isEqualTo(1);
    }

    @Test
    void retryOfAnIdThatIsNotThereExitsOneAndTouchesNothing() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("x"), "FAILED", "boom");

        Ops.Run run =
                Ops.cli(test, keys, RETRY, queue, "--id", "00000000-0000-0000-0000-000000000000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("no dead letter with id 00000000-0000-0000-0000-000000000000");
        assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isEqualTo(1);
    }

    @Test
    void purgeWithYesDropsEveryDeadLetter() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("1"), "FAILED", "boom");
        Ops.deadLetter(test, broker, queue, new OpsEcho("2"), "FAILED", "boom");

        Ops.Run run = Ops.cli(test, keys, PURGE, queue, "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("purged 2 dead letters");
        assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isZero();
    }

    @Test
    void purgeAsksFirstAndKeepsThemWithoutAYes() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("1"), "FAILED", "boom");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("n\n".getBytes()));
            Ops.Run declined = Ops.cli(test, keys, PURGE, queue);
            assertThat(declined.exitCode()).isEqualTo(1);
            assertThat(declined.out())
                    .contains(
                            "Drop all 1 dead letters of "
                                    + Topology.deadLetterQueue(queue)
                                    + "? [y/N]");
            assertThat(declined.err()).contains("not purged");
            assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isEqualTo(1);

            System.setIn(new ByteArrayInputStream("y\n".getBytes()));
            Ops.Run confirmed = Ops.cli(test, keys, PURGE, queue);
            assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
            assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isZero();
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void deadLettersOfAQueueThatDoesNotExistExitOneSayingSo() {
        Ops.Run run = Ops.cli(test, keys, LIST, test.uniqueName("ops-none"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("warren-worker: ").contains("no such queue");
    }
}
