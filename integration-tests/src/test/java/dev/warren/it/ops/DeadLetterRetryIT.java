package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.cli.DashboardServer;
import dev.warren.internal.wire.Envelope;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import dev.warren.testing.Queues;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only a letter a worker sealed, about a task it verified and that then failed, within the age
 * limit, goes back to work: a captured task refused as a replay cannot be laundered by a retry,
 * from the CLI, the API or the dashboard.
 */
@WarrenTest
class DeadLetterRetryIT extends DeadLetterQueueFixture {
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
