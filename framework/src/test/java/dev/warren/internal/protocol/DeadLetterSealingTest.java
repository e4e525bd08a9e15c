package dev.warren.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dead letters as the worker seals them, opened again, and the task resubmitted from one. */
class DeadLetterSealingTest {
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

    private static final String DEAD_QUEUE = "warren.images.dead";

    private Envelope deadLetter(Envelope message, RejectReason reason, boolean verified) {
        return protocol.deadLetter(
                message,
                "images",
                DEAD_QUEUE,
                new DeadLetterNote(
                        reason, "disk full", "warren.images", "trace\n\tat x", verified, "h:1"));
    }

    @Test
    void aDeadLetterIsSealedByTheWorkerWithWhyWhereWhenAndWho() {
        Envelope dead = deadLetter(task, RejectReason.FAILED, true);

        assertThat(dead.type()).isEqualTo(Headers.DEAD_LETTER);
        assertThat(dead.messageId()).isEqualTo(task.messageId());
        assertThat(dead.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(dead.binding()).isEqualTo(TaskProtocol.deadLetterOn(DEAD_QUEUE, "images"));
        DeadLetterRecord record = protocol.openDeadLetter(dead, "images", DEAD_QUEUE);
        assertThat(record.reason()).isEqualTo("FAILED");
        assertThat(record.detail()).isEqualTo("disk full");
        assertThat(record.originQueue()).isEqualTo("images");
        assertThat(record.originalId()).isEqualTo(task.messageId());
        assertThat(record.originalType()).isEqualTo(Resize.class.getName());
        assertThat(record.originalAttempt()).isEqualTo(1);
        assertThat(record.originalReplyTo()).isEqualTo(REPLY_QUEUE);
        assertThat(record.deadAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(record.worker()).isEqualTo("h:1");
        assertThat(record.contentVerified()).isTrue();
        assertThat(record.lastError()).isEqualTo("trace\n\tat x");
        assertThat(record.originalBody()).isEqualTo(task.body());
        assertThat(record.keepsBody()).isTrue();
    }

    @Test
    void aDeadLetterStillCarriesTheUnsignedAnnotationsForPeople() {
        Envelope dead = deadLetter(task, RejectReason.FAILED, true);

        assertThat(dead.annotations())
                .containsEntry(Headers.DEAD_REASON, "FAILED")
                .containsEntry(Headers.DEAD_DETAIL, "disk full")
                .containsEntry(Headers.ORIGIN_QUEUE, "warren.images")
                .containsEntry(Headers.LAST_ERROR, "trace\n\tat x")
                .containsEntry(Headers.DEAD_AT, Long.toString(NOW.toEpochMilli()));
    }

    @Test
    void anUnverifiedMessageIsKeptInsideMarkedAsUnverified() {
        Envelope garbage =
                new Envelope(0, null, null, 0, null, 0, null, null, null, new byte[] {1, 2}, null);

        Envelope dead = deadLetter(garbage, RejectReason.MISSING_SIGNATURE, false);

        DeadLetterRecord record = protocol.openDeadLetter(dead, "images", DEAD_QUEUE);
        assertThat(record.contentVerified()).isFalse();
        assertThat(record.originalId()).isNull();
        assertThat(record.originalBody()).containsExactly(1, 2);
        assertThat(dead.messageId()).isEqualTo("unknown");
        assertThat(dead.attempt()).isEqualTo(1);
    }

    @Test
    void aBodyTooLargeToKeepIsLeftOutAndSaidSo() {
        byte[] large = new byte[16_384];
        Envelope big = new Envelope(2, "m1", "T", 0, null, 1, null, null, null, large, Map.of());

        Envelope dead = deadLetter(big, RejectReason.OVERSIZED, false);

        DeadLetterRecord record = protocol.openDeadLetter(dead, "images", DEAD_QUEUE);
        assertThat(record.keepsBody()).isFalse();
        assertThat(record.originalBody()).isEmpty();
        assertThat(record.originalBodyBytes()).isEqualTo(16_384);
    }

    @Test
    void aFailureWithAHugeOneLineMessageIsStillDeadLettered() {
        Envelope dead =
                protocol.deadLetter(
                        task,
                        "images",
                        DEAD_QUEUE,
                        new DeadLetterNote(
                                RejectReason.FAILED,
                                "x".repeat(40_000),
                                "warren.images",
                                "trace",
                                true,
                                "h:1"));

        DeadLetterRecord record = protocol.openDeadLetter(dead, "images", DEAD_QUEUE);
        assertThat(record.detail()).hasSize(500);
        assertThat(record.keepsBody()).as("the body still fits once the detail is cut").isTrue();
    }

    @Test
    void aDeadLetterAlteredOrMovedToAnotherQueueDoesNotOpen() {
        Envelope dead = deadLetter(task, RejectReason.FAILED, true);
        byte[] body = dead.body().clone();
        body[body.length - 1] ^= 1;
        Envelope altered =
                new Envelope(
                        dead.version(),
                        dead.messageId(),
                        dead.type(),
                        dead.timestamp(),
                        dead.replyTo(),
                        dead.attempt(),
                        dead.binding(),
                        dead.keyId(),
                        dead.signature(),
                        body,
                        dead.annotations());

        assertThatThrownBy(() -> protocol.openDeadLetter(altered, "images", DEAD_QUEUE))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_SIGNATURE));
        assertThatThrownBy(() -> protocol.openDeadLetter(dead, "other", "warren.other.dead"))
                .isInstanceOfSatisfying(
                        RejectedMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MISDIRECTED));
    }

    @Test
    void aTaskIsNotADeadLetterEvenWhenSignedForItsQueue() {
        Envelope posing =
                sealer.seal(
                        new Heading(
                                id.toString(),
                                Resize.class.getName(),
                                NOW.toEpochMilli(),
                                null,
                                1,
                                TaskProtocol.deadLetterOn(DEAD_QUEUE, "images")),
                        new Resize("cat.png", 1));

        assertThatThrownBy(() -> protocol.openDeadLetter(posing, "images", DEAD_QUEUE))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("not a dead letter");
    }

    @Test
    void aResubmissionIsANewFirstAttemptDueNowSignedWithTheCurrentKey() {
        Envelope dead = deadLetter(protocol.retry(task, 0), RejectReason.FAILED, true);
        String newId = TaskId.random().toString();

        Envelope again =
                protocol.resubmission(
                        protocol.openDeadLetter(dead, "images", DEAD_QUEUE),
                        "default",
                        newId,
                        Map.of("x-warren-retry-of", id.toString()));

        assertThat(again.messageId()).isEqualTo(newId);
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(again.replyTo()).isEqualTo(REPLY_QUEUE);
        assertThat(again.annotations()).containsOnlyKeys("x-warren-retry-of");
        assertThat(sealer.open(again, TaskProtocol.taskOn("default")))
                .isEqualTo(new Resize("cat.png", 128));
    }
}
