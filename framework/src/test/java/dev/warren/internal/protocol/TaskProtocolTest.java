package dev.warren.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every message of the task path, round-tripped through the real codec and signer. */
class TaskProtocolTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String REPLY_QUEUE = "warren.reply.c1";

    record Resize(String image, int width) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return image + "@" + width;
        }
    }

    private static byte[] key(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static MessageSealer sealer(SigningKeys keys) {
        return MessageSealer.forConfig(
                WarrenConfig.custom()
                        .signingKeys(keys)
                        .register(Resize.class, 100)
                        .maxBodyBytes(16_384)
                        .build(),
                TaskProtocol.WIRE_TYPES);
    }

    private final MessageSealer sealer = sealer(SigningKeys.of("k1", key(1)));
    private final TaskProtocol protocol =
            new TaskProtocol(sealer, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TaskId id = TaskId.random();
    private final Envelope task =
            protocol.task(new Submission(new Resize("cat.png", 128), id, REPLY_QUEUE));

    @Test
    void aTaskCarriesItsIdTypeReplyQueueFirstAttemptAndDueTime() {
        assertThat(task.messageId()).isEqualTo(id.toString());
        assertThat(task.type()).isEqualTo(Resize.class.getName());
        assertThat(task.replyTo()).isEqualTo(REPLY_QUEUE);
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(sealer.open(task, TaskProtocol.taskOn("default")))
                .isEqualTo(new Resize("cat.png", 128));
    }

    @Test
    void aRetryIsTheSameTaskSignedAgainForTheNextAttemptAndALaterDueTime() {
        Envelope retry = protocol.retry(task, 5_000);

        assertThat(retry.messageId()).isEqualTo(task.messageId());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.timestamp()).isEqualTo(NOW.toEpochMilli() + 5_000);
        assertThat(retry.body()).isEqualTo(task.body());
        assertThat(sealer.open(retry, TaskProtocol.taskOn("default")))
                .isEqualTo(new Resize("cat.png", 128));
    }

    @Test
    void aSuccessReplyReadsBackAsSucceededForItsTask() {
        Envelope reply = protocol.success(task, "cat.png@128");

        assertThat(reply.type()).isEqualTo(Headers.REPLY_SUCCEEDED);
        assertThat(protocol.readReply(reply, id.toString(), REPLY_QUEUE))
                .isEqualTo(new Reply.Succeeded("cat.png@128"));
    }

    @Test
    void aFailureReplyReadsBackAsFailedWithTheRemoteExceptionAsStrings() {
        RemoteFailure failure = RemoteFailure.of(new IllegalStateException("disk full"), 3, 3);

        Reply read =
                protocol.readReply(protocol.failure(task, failure), id.toString(), REPLY_QUEUE);

        assertThat(read).isEqualTo(new Reply.Failed(failure));
        assertThat(failure.stackTrace()).contains("IllegalStateException: disk full");
    }

    @Test
    void aReplyForAnotherTaskIsNotForThisOne() {
        Envelope reply = protocol.success(task, "cat.png@128");

        assertThat(protocol.readReply(reply, TaskId.random().toString(), REPLY_QUEUE))
                .isInstanceOf(Reply.NotForThisTask.class);
    }

    @Test
    void aReplySignedWithAnUnknownKeyIsNotForThisTask() {
        TaskProtocol stranger =
                new TaskProtocol(
                        sealer(SigningKeys.of("k9", key(9))), Clock.fixed(NOW, ZoneOffset.UTC));

        Reply read =
                protocol.readReply(stranger.success(task, "forged"), id.toString(), REPLY_QUEUE);

        assertThat(read)
                .isInstanceOfSatisfying(
                        Reply.NotForThisTask.class,
                        r -> assertThat(r.why()).contains(RejectReason.UNKNOWN_KEY.name()));
    }

    @Test
    void aVerifiedMessageOfAnotherKindIsNotAReply() {
        assertThat(protocol.readReply(task, id.toString(), REPLY_QUEUE))
                .isInstanceOfSatisfying(
                        Reply.NotForThisTask.class,
                        r -> assertThat(r.why()).contains(RejectReason.MISDIRECTED.name()));
    }

    @Test
    void aResultTooLargeForTheBodyLimitCannotBeSealed() {
        assertThatThrownBy(() -> protocol.success(task, "x".repeat(20_000)))
                .isInstanceOf(WarrenException.class);
    }

    @Test
    void aFailureWhoseStackTraceIsTooLargeStillTravelsWithoutTheTrace() {
        RemoteFailure huge =
                new RemoteFailure("java.io.IOException", "disk full", "at x\n".repeat(5000), 3, 3);

        Reply read = protocol.readReply(protocol.failure(task, huge), id.toString(), REPLY_QUEUE);

        assertThat(read)
                .isInstanceOfSatisfying(
                        Reply.Failed.class,
                        failed -> {
                            assertThat(failed.failure().exceptionType())
                                    .isEqualTo("java.io.IOException");
                            assertThat(failed.failure().message()).isEqualTo("disk full");
                            assertThat(failed.failure().stackTrace()).contains("left out");
                        });
    }
}
