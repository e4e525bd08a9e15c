package dev.warren.worker;

import static dev.warren.worker.PipelineFixture.BROKER_QUEUE;
import static dev.warren.worker.PipelineFixture.NOW;
import static dev.warren.worker.PipelineFixture.REPLY_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import dev.warren.worker.PipelineFixture.BreaksTheWorker;
import dev.warren.worker.PipelineFixture.Doubles;
import dev.warren.worker.PipelineFixture.Fails;
import dev.warren.worker.PipelineFixture.FakeDelivery;
import dev.warren.worker.PipelineFixture.IgnoresInterruption;
import dev.warren.worker.PipelineFixture.OverflowsTheWorker;
import dev.warren.worker.PipelineFixture.Published;
import dev.warren.worker.PipelineFixture.ReturnsUnregistered;
import dev.warren.worker.PipelineFixture.WaitsForInterrupt;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every row of the worker's decision table, without a broker. */
class TaskPipelineTest {
    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Published onlyPublished() {
        assertThat(fixture.port.published).hasSize(1);
        return fixture.port.published.get(0);
    }

    private Published deadLetter() {
        return publishedTo(BROKER_QUEUE + ".dead");
    }

    private Published publishedTo(String queue) {
        return fixture.port.published.stream()
                .filter(p -> p.queue().equals(queue))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing published to " + queue));
    }

    private Envelope withSignatureOf(Envelope e, byte[] signature) {
        return new Envelope(
                e.version(),
                e.messageId(),
                e.type(),
                e.timestamp(),
                e.replyTo(),
                e.attempt(),
                e.binding(),
                e.keyId(),
                signature,
                e.body(),
                e.annotations());
    }

    private DeadLetterRecord sealedRecord(Published dead) {
        return fixture.protocol.openDeadLetter(
                dead.envelope(), PipelineFixture.QUEUE, BROKER_QUEUE + ".dead");
    }

    private void assertDeadLettered(
            FakeDelivery delivery, RejectReason reason, boolean contentVerified) {
        assertDeadLettered(delivery, reason);
        DeadLetterRecord record = sealedRecord(deadLetter());
        assertThat(record.reason()).isEqualTo(reason.name());
        assertThat(record.contentVerified()).isEqualTo(contentVerified);
        assertThat(record.worker()).isEqualTo("test-host:1");
        assertThat(record.originQueue()).isEqualTo(PipelineFixture.QUEUE);
        assertThat(record.deadAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(record.originalBody()).isEqualTo(delivery.envelope().body());
    }

    private void assertDeadLettered(FakeDelivery delivery, RejectReason reason) {
        Published dead = deadLetter();
        assertThat(dead.queue()).isEqualTo(BROKER_QUEUE + ".dead");
        assertThat(dead.envelope().annotations())
                .containsEntry(Headers.DEAD_REASON, reason.name())
                .containsEntry(Headers.ORIGIN_QUEUE, BROKER_QUEUE)
                .containsEntry(Headers.DEAD_AT, Long.toString(NOW.toEpochMilli()));
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.rejected).hasValue(1);
        assertThat(fixture.counters.unsettled).hasValue(0);
    }

    @Test
    void aTamperedSignatureIsDeadLetteredAndNeverRun() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        byte[] forged = task.signature().clone();
        forged[0] ^= 1;

        FakeDelivery delivery = fixture.process(withSignatureOf(task, forged), false);

        assertDeadLettered(delivery, RejectReason.BAD_SIGNATURE, false);
        assertThat(fixture.counters.succeeded).hasValue(0);
    }

    @Test
    void aTaskDueLongerAgoThanTheMaximumAgeIsDeadLetteredAsExpired() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        Envelope old =
                fixture.sealer.reseal(
                        task,
                        new dev.warren.internal.wire.Heading(
                                task.messageId(),
                                task.type(),
                                NOW.minus(Duration.ofMinutes(11)).toEpochMilli(),
                                task.replyTo(),
                                1,
                                task.binding()));

        assertDeadLettered(fixture.process(old, false), RejectReason.EXPIRED, true);
    }

    @Test
    void theSameTaskAndAttemptPublishedAgainIsRefusedAsAReplay() {
        Envelope task = fixture.task(new Doubles(21), null);
        fixture.process(task, false);
        fixture.port.published.clear();

        FakeDelivery copy = fixture.process(task, false);

        assertDeadLettered(copy, RejectReason.REPLAYED, true);
    }

    @Test
    void aSuccessIsRepliedThenAcknowledged() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);

        FakeDelivery delivery = fixture.process(task, false);

        Published reply = onlyPublished();
        assertThat(reply.queue()).isEqualTo(REPLY_QUEUE);
        assertThat(reply.mandatory()).isFalse();
        assertThat(fixture.protocol.readReply(reply.envelope(), task.messageId(), REPLY_QUEUE))
                .isEqualTo(new Reply.Succeeded(42));
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.succeeded).hasValue(1);
    }

    @Test
    void aSuccessWithoutAReplyQueueIsOnlyAcknowledged() {
        FakeDelivery delivery = fixture.process(fixture.task(new Doubles(1), null), false);

        assertThat(fixture.port.published).isEmpty();
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.succeeded).hasValue(1);
    }

    @Test
    void aFailureWithAttemptsLeftIsRepublishedThroughADelayQueueWithTheNextAttempt() {
        Envelope task = fixture.task(new Fails("disk full"), REPLY_QUEUE);

        FakeDelivery delivery = fixture.process(task, false);

        Published retry = onlyPublished();
        assertThat(retry.queue()).isEqualTo("warren." + PipelineFixture.QUEUE + ".delay.1000");
        assertThat(retry.mandatory()).isTrue();
        assertThat(retry.envelope().attempt()).isEqualTo(2);
        assertThat(retry.envelope().timestamp()).isEqualTo(NOW.toEpochMilli() + 1000);
        assertThat(
                        fixture.sealer.open(
                                retry.envelope(), TaskProtocol.taskOn(PipelineFixture.QUEUE)))
                .isEqualTo(new Fails("disk full"));
        assertThat(fixture.port.delayQueuesDeclared)
                .containsExactly(PipelineFixture.QUEUE + "/1000");
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.retried).hasValue(1);
    }

    @Test
    void theLastAttemptRepliesTheFailureAndKeepsTheTaskAsADeadLetter() {
        Envelope first = fixture.task(new Fails("disk full"), REPLY_QUEUE);
        Envelope third = fixture.protocol.retry(fixture.protocol.retry(first, 0), 0);

        FakeDelivery delivery = fixture.process(third, false);

        assertThat(fixture.port.published).hasSize(2);
        Published reply = fixture.port.published.get(0);
        assertThat(reply.queue()).isEqualTo(REPLY_QUEUE);
        assertThat(fixture.protocol.readReply(reply.envelope(), first.messageId(), REPLY_QUEUE))
                .isInstanceOfSatisfying(
                        Reply.Failed.class,
                        failed -> {
                            assertThat(failed.failure().exceptionType())
                                    .isEqualTo(IllegalStateException.class.getName());
                            assertThat(failed.failure().attempt()).isEqualTo(3);
                        });
        Published dead = fixture.port.published.get(1);
        assertThat(dead.queue()).isEqualTo(BROKER_QUEUE + ".dead");
        assertThat(dead.envelope().annotations())
                .containsEntry(Headers.DEAD_REASON, RejectReason.FAILED.name())
                .containsKey(Headers.LAST_ERROR);
        DeadLetterRecord record = sealedRecord(dead);
        assertThat(record.contentVerified()).isTrue();
        assertThat(record.reason()).isEqualTo("FAILED");
        assertThat(record.originalAttempt()).isEqualTo(3);
        assertThat(record.lastError()).contains("IllegalStateException");
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.failed).hasValue(1);
    }

    @Test
    void aResultThatCannotBeEncodedIsRefusedToTheCallerAndDeadLettered() {
        Envelope task = fixture.task(new ReturnsUnregistered(), REPLY_QUEUE);

        FakeDelivery delivery = fixture.process(task, false);

        assertThat(fixture.port.published)
                .extracting(Published::queue)
                .containsExactlyInAnyOrder(REPLY_QUEUE, BROKER_QUEUE + ".dead");
        assertDeadLettered(delivery, RejectReason.UNSENDABLE_RESULT, true);
        assertThat(fixture.counters.succeeded).hasValue(0);
    }

    @Test
    void whenTheOutcomeCannotBePublishedTheTaskGoesBackToTheQueue() {
        fixture.port.refuseEverything = true;

        FakeDelivery delivery = fixture.process(fixture.task(new Doubles(2), REPLY_QUEUE), false);

        assertThat(delivery.settlements).containsExactly("requeue");
        assertThat(fixture.counters.unsettled).hasValue(0);
    }

    @Test
    void aRefusalThatCannotBeAnnotatedFallsBackToTheQueuesOwnDeadLettering() {
        fixture.port.refuseEverything = true;
        Envelope task = fixture.task(new Doubles(2), null);

        FakeDelivery delivery = fixture.process(withSignatureOf(task, new byte[] {1, 2, 3}), false);

        assertThat(delivery.settlements).containsExactly("discard");
    }

    @Test
    void aTaskInterruptedByAForcedStopGoesBackToTheQueue() {
        fixture.pipeline.forceStop();

        FakeDelivery delivery = fixture.process(fixture.task(new WaitsForInterrupt(), null), false);

        assertThat(fixture.port.published).isEmpty();
        assertThat(delivery.settlements).containsExactly("requeue");
    }

    @Test
    void anInterruptedTaskWithoutAForcedStopIsAnOrdinaryFailure() {
        FakeDelivery delivery = fixture.process(fixture.task(new WaitsForInterrupt(), null), false);

        assertThat(onlyPublished().envelope().attempt()).isEqualTo(2);
        assertThat(delivery.settlements).containsExactly("ack");
    }

    @Test
    void aTaskIgnoringInterruptionPastItsTimeoutAndGraceFailsTheCallerAndIsSettled() {
        Envelope task = fixture.task(new IgnoresInterruption(5_000), REPLY_QUEUE);
        long start = System.nanoTime();

        FakeDelivery delivery = fixture.process(task, false);

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(1).plus(PipelineFixture.GRACE).plusMillis(700));
        Published reply = fixture.port.published.get(0);
        assertThat(fixture.protocol.readReply(reply.envelope(), task.messageId(), REPLY_QUEUE))
                .isInstanceOfSatisfying(
                        Reply.Failed.class,
                        failed ->
                                assertThat(failed.failure().exceptionType())
                                        .isEqualTo(
                                                java.util.concurrent.TimeoutException.class
                                                        .getName()));
        assertThat(fixture.port.published)
                .extracting(Published::queue)
                .containsExactly(REPLY_QUEUE, BROKER_QUEUE + ".dead");
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.running).hasValue(0);
        assertThat(fixture.counters.stats().stuck()).isEqualTo(1);
    }

    @Test
    void aDeliveryArrivingWhileTheWorkerStopsIsGivenBackUnstarted() {
        fixture.pipeline.stop();

        FakeDelivery delivery = fixture.process(fixture.task(new Doubles(2), REPLY_QUEUE), false);

        assertThat(fixture.port.published).isEmpty();
        assertThat(delivery.settlements).containsExactly("requeue");
        assertThat(fixture.counters.running).hasValue(0);
    }

    @Test
    void aWorkerErrorTheFirstTimeGivesTheMessageBackOnce() {
        FakeDelivery delivery = fixture.process(fixture.task(new BreaksTheWorker(), null), false);

        assertThat(fixture.port.published).isEmpty();
        assertThat(delivery.settlements).containsExactly("requeue");
        assertThat(fixture.counters.running).hasValue(0);
    }

    @Test
    void aWorkerErrorOnARedeliveredMessageDeadLettersItAsPoison() {
        FakeDelivery delivery = fixture.process(fixture.task(new BreaksTheWorker(), null), true);

        assertDeadLettered(delivery, RejectReason.WORKER_ERROR, true);
    }

    @Test
    void aStackOverflowOutsideTheTaskGivesTheMessageBackOnce() {
        FakeDelivery delivery =
                fixture.process(fixture.task(new OverflowsTheWorker(), null), false);

        assertThat(fixture.port.published).isEmpty();
        assertThat(delivery.settlements).containsExactly("requeue");
        assertThat(fixture.counters.running).hasValue(0);
    }

    @Test
    void aStackOverflowOutsideTheTaskOnARedeliveredMessageDeadLettersIt() {
        FakeDelivery delivery = fixture.process(fixture.task(new OverflowsTheWorker(), null), true);

        assertDeadLettered(delivery, RejectReason.WORKER_ERROR, true);
        assertThat(onlyPublished().envelope().annotations().get(Headers.DEAD_DETAIL))
                .contains("StackOverflowError");
    }
}
