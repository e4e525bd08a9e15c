package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.cli.DashboardServer;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.RawMessages;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters keep their provenance: only a letter a worker sealed, about a task it verified and
 * that then failed, within the age limit, goes back to work. Forgeries, refused replays and old
 * letters are made with the plain RabbitMQ client, as an attacker with access to the broker would.
 */
@WarrenTest
class DeadLetterProvenanceIT {
    private static final List<String> RETRY = List.of("dead-letters", "retry");
    private static final List<String> LIST = List.of("dead-letters", "list");

    @TempDir Path dir;

    private TestBroker test;
    private Broker broker;
    private Path keys;
    private String queue;
    private String work;
    private String dead;

    @BeforeEach
    void connect(TestBroker test) throws Exception {
        this.test = test;
        this.broker = Broker.connect(test.config().catalog(new OpsCatalog()).build());
        this.keys = Ops.keyFile(dir, test.keysText());
        this.queue = test.uniqueName("ops-provenance");
        this.work = Topology.workQueue(queue);
        this.dead = Topology.deadLetterQueue(queue);
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    private Worker worker() {
        return Worker.start(
                broker,
                WorkerConfig.custom().queues(queue).heartbeatInterval(Duration.ZERO).build());
    }

    /** A task of this test's queue, signed with the fleet's key, due {@code ageMillis} ago. */
    private Envelope task(Object task, long ageMillis) {
        return BrokerLink.of(broker)
                .sealer()
                .seal(
                        new Heading(
                                TaskId.random().toString(),
                                task.getClass().getName(),
                                System.currentTimeMillis() - ageMillis,
                                null,
                                1,
                                TaskProtocol.taskOn(queue)),
                        task);
    }

    private void publishRaw(String brokerQueue, Envelope envelope) throws Exception {
        RawMessages.publish(
                test,
                brokerQueue,
                RawMessages.properties(envelope, RawMessages.headers(envelope)),
                envelope.body());
    }

    private Envelope onlyDeadLetter() throws Exception {
        List<GetResponse> letters = Queues.drain(test, dead);
        assertThat(letters).hasSize(1);
        return AmqpMessages.envelope(letters.get(0).getProps(), letters.get(0).getBody());
    }

    private void assertNothingWasRetried(Ops.Run run, String id, String why) throws Exception {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("not retried " + id, why);
        assertThat(run.out()).contains("0 retried, 1 refused, 1 left in " + dead);
        assertThat(Queues.depth(test, work)).as("nothing went back to work").isZero();
        assertThat(Queues.depth(test, dead)).as("the letter stays").isEqualTo(1);
    }

    @Test
    void aDeadLetterMadeByHandIsListedAsUnverifiedAndNeverRetried() throws Exception {
        Envelope captured = task(new OpsEcho("forged"), 0);
        Ops.publishDead(test, queue, captured, captured.body(), "FAILED", "boom");

        Ops.Run list = Ops.cli(test, keys, LIST, queue);
        assertThat(list.out()).contains(captured.messageId(), "FAILED (unverified letter)");

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");
        assertNothingWasRetried(run, captured.messageId(), "not sealed by a worker");
    }

    @Test
    void aWorkersDeadLetterWithItsReasonRewrittenIsNeverRetried() throws Exception {
        Envelope old = task(new OpsEcho("captured"), Duration.ofDays(2).toMillis());
        try (Worker worker = worker()) {
            publishRaw(work, old);
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);
        }
        Envelope sealed = onlyDeadLetter();
        DeadLetterRecord expired =
                BrokerLink.of(broker).protocol().openDeadLetter(sealed, queue, dead);
        assertThat(expired.reason()).isEqualTo("EXPIRED");
        DeadLetterRecord rewritten =
                new DeadLetterRecord(
                        "FAILED",
                        "boom",
                        expired.originQueue(),
                        expired.originalId(),
                        expired.originalType(),
                        expired.originalAttempt(),
                        expired.originalTimestamp(),
                        expired.originalReplyTo(),
                        expired.deadAt(),
                        expired.worker(),
                        true,
                        null,
                        expired.originalBody(),
                        expired.originalBodyBytes());
        byte[] body =
                KryoCodec.of(TaskProtocol.WIRE_TYPES, Map.of(), Integer.MAX_VALUE - 8)
                        .encode(rewritten);
        RawMessages.publish(
                test, dead, RawMessages.properties(sealed, RawMessages.headers(sealed)), body);

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");

        assertNothingWasRetried(run, old.messageId(), "BAD_SIGNATURE");
    }

    @Test
    void aWorkersDeadLetterUnderAnotherIdIsNeverRetried() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("genuine"), "FAILED", "boom");
        Envelope sealed = onlyDeadLetter();
        String otherId = TaskId.random().toString();
        Map<String, Object> headers = RawMessages.headers(sealed);
        Envelope renamed =
                new Envelope(
                        sealed.version(),
                        otherId,
                        sealed.type(),
                        sealed.timestamp(),
                        sealed.replyTo(),
                        sealed.attempt(),
                        sealed.binding(),
                        sealed.keyId(),
                        sealed.signature(),
                        sealed.body(),
                        sealed.annotations());
        RawMessages.publish(test, dead, RawMessages.properties(renamed, headers), sealed.body());

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--id", otherId);

        assertNothingWasRetried(run, otherId, "BAD_SIGNATURE");
    }

    @Test
    void aWorkersDeadLetterMovedFromAnotherQueueIsNeverRetried() throws Exception {
        String other = test.uniqueName("ops-provenance-other");
        BrokerLink.of(broker).topology().declareWorkQueue(other);
        Envelope task = Ops.deadLetter(test, broker, other, new OpsEcho("x"), "FAILED", "boom");
        List<GetResponse> letters = Queues.drain(test, Topology.deadLetterQueue(other));
        RawMessages.publish(test, dead, letters.get(0).getProps(), letters.get(0).getBody());

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");

        assertNothingWasRetried(run, task.messageId(), "MISDIRECTED");
    }

    @Test
    void aCapturedOldTaskRefusedAsExpiredCannotBeLaunderedByARetry() throws Exception {
        Envelope captured = task(new OpsEcho("weeks old"), Duration.ofDays(20).toMillis());
        try (Worker worker = worker()) {
            publishRaw(work, captured);
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);

            Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");

            assertNothingWasRetried(run, captured.messageId(), "EXPIRED");
            assertThat(run.err()).contains("possible replay");
            assertThat(worker.stats().succeeded()).isZero();
        }
    }

    @Test
    void aCapturedTaskRefusedAsReplayedCannotBeLaunderedByARetry() throws Exception {
        Envelope captured = task(new OpsEcho("once"), 0);
        try (Worker worker = worker()) {
            publishRaw(work, captured);
            await().atMost(Duration.ofSeconds(20)).until(() -> worker.stats().succeeded() == 1);
            publishRaw(work, captured);
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);

            List<DeadLetters.Refused> refused =
                    DeadLetters.of(broker).retry(queue, d -> true).refused();

            assertThat(refused)
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.letter().reason()).isEqualTo("REPLAYED");
                                assertThat(r.letter().verified()).isTrue();
                                assertThat(r.why()).contains("possible replay");
                            });
            assertThat(Queues.depth(test, work)).isZero();
            Thread.sleep(500);
            assertThat(worker.stats().succeeded()).isEqualTo(1);
        }
    }

    @Test
    void aGenuineFailedTasksDeadLetterIsRetriedAndRuns() throws Exception {
        String key = queue;
        OpsBrokenUntilFixed.BROKEN.add(key);
        try (Worker worker = worker()) {
            Envelope failing = task(new OpsBrokenUntilFixed(key), 0);
            publishRaw(work, failing);
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);
            assertThat(worker.stats().failed()).isEqualTo(1);
            List<DeadLetter> listed = DeadLetters.of(broker).list(queue, 10);
            assertThat(listed)
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.reason()).isEqualTo("FAILED");
                                assertThat(d.verified()).isTrue();
                                assertThat(d.contentVerified()).isTrue();
                                assertThat(d.worker())
                                        .endsWith(":" + ProcessHandle.current().pid());
                                assertThat(d.retryable()).isTrue();
                            });
            OpsBrokenUntilFixed.BROKEN.remove(key);

            Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--id", failing.messageId());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("1 retried, 0 refused, 0 left in " + dead);
            await().atMost(Duration.ofSeconds(20)).until(() -> worker.stats().succeeded() == 1);
            assertThat(worker.stats().rejected()).isZero();
            assertThat(Queues.depth(test, dead)).isZero();
        } finally {
            OpsBrokenUntilFixed.BROKEN.remove(key);
        }
    }

    @Test
    void theDashboardsRetryAllSendsBackOnlyTheGenuineFailureAndSaysWhyNotTheOthers()
            throws Exception {
        Envelope genuine = Ops.deadLetter(test, broker, queue, new OpsEcho("ok"), "FAILED", "boom");
        Envelope forged = task(new OpsEcho("forged"), 0);
        Ops.publishDead(test, queue, forged, forged.body(), "FAILED", "boom");
        Envelope replay =
                Ops.deadLetter(test, broker, queue, new OpsEcho("replay"), "REPLAYED", "again");
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            String listed = post(dashboard, "api/dead-letters", "");
            assertThat(listed)
                    .contains("\"id\":\"" + forged.messageId() + "\"")
                    .contains("\"retryable\":true", "\"retryable\":false", "possible replay");

            String result =
                    post(dashboard, "api/dead-letters/retry", "queue=" + queue + "&all=true");

            assertThat(result)
                    .contains("\"retried\":[\"" + genuine.messageId() + "\"]")
                    .contains("\"id\":\"" + forged.messageId() + "\"", "not sealed by a worker")
                    .contains("\"id\":\"" + replay.messageId() + "\"", "possible replay")
                    .contains("\"left\":2");
        }
        assertThat(Queues.depth(test, work)).isEqualTo(1);
        assertThat(Queues.depth(test, dead)).isEqualTo(2);
    }

    private static String post(DashboardServer dashboard, String path, String form)
            throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(dashboard.address() + path))
                                        .header("X-Warren-Token", dashboard.token())
                                        .header("X-Warren-Dashboard", "1")
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(form))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aLetterOlderThanTheAgeLimitIsRefusedUnlessTheLimitIsRaised() throws Exception {
        Envelope task =
                Ops.deadLetter(
                        test,
                        broker,
                        queue,
                        new OpsEcho("old"),
                        "FAILED",
                        "boom",
                        true,
                        Duration.ofDays(8).toMillis());

        Ops.Run refused = Ops.cli(test, keys, RETRY, queue, "--all");
        assertNothingWasRetried(refused, task.messageId(), "longer than the retry age limit (7d)");

        Ops.Run narrower = Ops.cli(test, keys, RETRY, queue, "--all", "--max-age", "1d");
        assertNothingWasRetried(narrower, task.messageId(), "retry age limit (1d)");

        Ops.Run wider = Ops.cli(test, keys, RETRY, queue, "--all", "--max-age", "9d");
        assertThat(wider.exitCode()).as(wider.err()).isZero();
        assertThat(wider.out()).contains("1 retried, 0 refused, 0 left");
        assertThat(Queues.depth(test, work)).isEqualTo(1);
    }
}
