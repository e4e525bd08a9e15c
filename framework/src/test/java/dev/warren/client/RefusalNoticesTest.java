package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.TaskId;
import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.RefusalNotice;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Which refusal notices may fail a pending task, without a broker. */
class RefusalNoticesTest {
    private static final String REPLY_QUEUE = "warren.reply.c1";
    private static final String TYPE = PendingRepliesTest.Square.class.getName();

    private final MessageSealer clientSealer = PendingRepliesTest.sealer("k1", 1);
    private final TaskProtocol client = new TaskProtocol(clientSealer, Clock.systemUTC());
    private final PendingReplies pending =
            new PendingReplies(
                    client, new NoticeProtocol(clientSealer, Clock.systemUTC()), REPLY_QUEUE);

    /** A worker with the same keys as the client. */
    private final NoticeProtocol sameKeys = new NoticeProtocol(clientSealer, Clock.systemUTC());

    /** A worker whose key k1 has another secret. */
    private final NoticeProtocol otherSecret =
            new NoticeProtocol(PendingRepliesTest.sealer("k1", 2), Clock.systemUTC());

    private TaskId id;
    private CompletableFuture<Object> future;
    private Envelope task;

    private void submit() {
        id = TaskId.random();
        future = pending.expect(id, TYPE);
        task = client.task(new Submission(new PendingRepliesTest.Square(3), id, REPLY_QUEUE));
        pending.signed(id, task.signature());
    }

    private TaskRefusedException refusal() {
        assertThat(future).isCompletedExceptionally();
        return (TaskRefusedException) future.handle((v, e) -> e).join();
    }

    @Test
    void aVerifiedNoticeEchoingTheTasksSignatureFailsItsFutureWithTheReason() {
        submit();

        pending.onReply(sameKeys.notice(task, RejectReason.OVERSIZED, "w:1", List.of("k1")));

        TaskRefusedException refused = refusal();
        assertThat(refused.reason()).isEqualTo(TaskRefusedException.Reason.OVERSIZED);
        assertThat(refused.workerVerified()).isTrue();
        assertThat(refused.getMessage())
                .contains("Square " + id, "refused by worker w:1", "OVERSIZED", "maxBodyBytes");
        assertThat(pending.size()).isZero();
    }

    @Test
    void aNoticeThisClientCannotVerifyIsAcceptedWhenItEchoesTheTasksSignature() {
        submit();

        pending.onReply(
                otherSecret.notice(task, RejectReason.BAD_SIGNATURE, "w:1", List.of("k1", "k0")));

        TaskRefusedException refused = refusal();
        assertThat(refused.reason()).isEqualTo(TaskRefusedException.Reason.BAD_SIGNATURE);
        assertThat(refused.workerVerified()).isFalse();
        assertThat(refused.workerKeyIds()).containsExactly("k1", "k0");
        assertThat(refused.getMessage())
                .contains("[k1, k0]", "could not verify the worker", "same keys");
    }

    @Test
    void anUnverifiedNoticeEchoingAnotherSignatureIsDroppedAndTheTaskStillWaits() {
        submit();
        Envelope other =
                client.task(new Submission(new PendingRepliesTest.Square(4), id, REPLY_QUEUE));

        pending.onReply(
                otherSecret.notice(other, RejectReason.BAD_SIGNATURE, "w:1", List.of("k1")));

        assertThat(future).isNotDone();
        assertThat(pending.droppedNotices()).isEqualTo(1);
    }

    @Test
    void evenAVerifiedNoticeMustEchoTheTasksSignature() {
        submit();
        Envelope forged = withSignature(task, new byte[32]);

        pending.onReply(sameKeys.notice(forged, RejectReason.BAD_SIGNATURE, "w:1", List.of("k1")));

        assertThat(future).isNotDone();
        assertThat(pending.droppedNotices()).isEqualTo(1);
    }

    @Test
    void aNoticeLargerThanTheCapIsDroppedBeforeParsing() {
        submit();
        Envelope notice = sameKeys.notice(task, RejectReason.BAD_SIGNATURE, "w:1", List.of("k1"));
        byte[] padded = java.util.Arrays.copyOf(notice.body(), RefusalNotice.MAX_BYTES + 1);
        Envelope oversized =
                clientSealer.sealBytes(
                        Heading.of(id.toString(), NoticeProtocol.TYPE, 0, notice.binding()),
                        padded);

        pending.onReply(oversized);

        assertThat(future).isNotDone();
        assertThat(pending.droppedNotices()).isEqualTo(1);
    }

    @Test
    void aNoticeAboutNoPendingTaskIsIgnoredAndCounted() {
        submit();
        pending.onReply(client.success(task, 9));

        pending.onReply(sameKeys.notice(task, RejectReason.BAD_SIGNATURE, "w:1", List.of("k1")));

        assertThat(future).isCompletedWithValue(9);
        assertThat(pending.droppedNotices()).isEqualTo(1);
    }

    private static Envelope withSignature(Envelope e, byte[] signature) {
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
}
