package dev.warren.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.RemoteFailure;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.protocol.TaskRefusal;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What replies do to the futures of a client, without a broker. */
class PendingRepliesTest {
    private static final String REPLY_QUEUE = "warren.reply.test";

    record Square(int n) implements Task<Integer> {
        @Override
        public Integer run(TaskContext ctx) {
            return n * n;
        }
    }

    private static TaskProtocol protocol(String keyId, int keyByte) {
        return new TaskProtocol(sealer(keyId, keyByte), Clock.systemUTC());
    }

    static MessageSealer sealer(String keyId, int keyByte) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) keyByte);
        WarrenConfig config =
                WarrenConfig.custom()
                        .signingKeys(SigningKeys.of(keyId, secret))
                        .register(Square.class, 100)
                        .build();
        return MessageSealer.forConfig(config, TaskProtocol.WIRE_TYPES);
    }

    private final MessageSealer sealer = sealer("k1", 1);
    private final TaskProtocol protocol = new TaskProtocol(sealer, Clock.systemUTC());
    private final PendingReplies pending =
            new PendingReplies(
                    protocol, new NoticeProtocol(sealer, Clock.systemUTC()), REPLY_QUEUE);

    private Envelope taskFor(TaskId id) {
        return protocol.task(new Submission(new Square(3), id, REPLY_QUEUE));
    }

    @Test
    void aRefusalReplyFailsItsFutureWithTheReasonAndItsFix() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(
                protocol.refusal(
                        taskFor(id), new TaskRefusal("UNREGISTERED_CLASS", "class id 503", "w:7")));

        Throwable error = future.handle((v, e) -> e).join();
        assertThat(error).isInstanceOf(TaskRefusedException.class);
        TaskRefusedException refused = (TaskRefusedException) error;
        assertThat(refused.reason()).isEqualTo(TaskRefusedException.Reason.UNREGISTERED_CLASS);
        assertThat(refused.worker()).isEqualTo("w:7");
        assertThat(refused.getMessage())
                .isEqualTo(
                        "Task PendingRepliesTest$Square "
                                + id
                                + " was refused by worker w:7: UNREGISTERED_CLASS (class id 503)."
                                + " Fix: "
                                + TaskRefusedException.Reason.UNREGISTERED_CLASS.fix());
    }

    @Test
    void aReasonFromANewerWorkerIsOther() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(protocol.refusal(taskFor(id), new TaskRefusal("NEW_THING", "", "w:7")));

        assertThat(((TaskRefusedException) future.handle((v, e) -> e).join()).reason())
                .isEqualTo(TaskRefusedException.Reason.OTHER);
    }

    @Test
    void aSuccessReplyCompletesItsFutureWithTheValue() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(protocol.success(taskFor(id), 9));

        assertThat(future).isCompletedWithValue(9);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aFailureReplyFailsItsFutureWithTheRemoteExceptionNamed() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(
                protocol.failure(
                        taskFor(id), RemoteFailure.of(new ArithmeticException("overflow"), 3, 3)));

        assertThat(future)
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .isInstanceOfSatisfying(
                        TaskFailedException.class,
                        e -> {
                            assertThat(e.remoteType()).isEqualTo("java.lang.ArithmeticException");
                            assertThat(e.getMessage()).contains("attempt 3 of 3");
                        });
    }

    @Test
    void aDuplicateReplyChangesNothing() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());
        Envelope task = taskFor(id);
        pending.onReply(protocol.success(task, 9));

        pending.onReply(protocol.success(task, 10));

        assertThat(future).isCompletedWithValue(9);
    }

    @Test
    void aReplyForATaskNobodyWaitsForIsIgnored() {
        TaskId waited = TaskId.random();
        CompletableFuture<Object> future = pending.expect(waited, Square.class.getName());

        pending.onReply(protocol.success(taskFor(TaskId.random()), 1));

        assertThat(future).isNotDone();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aReplySignedWithAKeyThisClientDoesNotHoldLeavesTheFutureWaiting() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(protocol("k9", 9).success(taskFor(id), 666));

        assertThat(future).isNotDone();
        pending.onReply(protocol.success(taskFor(id), 9));
        assertThat(future).isCompletedWithValue(9);
    }

    @Test
    void theTaskItselfCopiedIntoTheReplyQueueNeverFailsItsFuture() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.onReply(taskFor(id));

        assertThat(future).isNotDone();
    }

    @Test
    void aTaskThatNeverReachedTheBrokerFailsWithWhy() {
        TaskId id = TaskId.random();
        CompletableFuture<Object> future = pending.expect(id, Square.class.getName());

        pending.abandon(id, new WarrenException("refused"));

        assertThat(future).isCompletedExceptionally();
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void closingFailsEveryFutureStillWaiting() {
        CompletableFuture<Object> a = pending.expect(TaskId.random(), "A");
        CompletableFuture<Object> b = pending.expect(TaskId.random(), "B");

        pending.abandonAll(new WarrenException("closed"));

        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(pending.isEmpty()).isTrue();
    }
}
