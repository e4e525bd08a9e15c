package dev.warren.worker;

import static dev.warren.worker.PipelineFixture.BROKER_QUEUE;
import static dev.warren.worker.PipelineFixture.REPLY_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.TaskId;
import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.ShippedTaskBinding;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.protocol.TaskProtocol.Submission;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectReason;
import dev.warren.worker.PipelineFixture.Doubles;
import dev.warren.worker.PipelineFixture.FakeDelivery;
import dev.warren.worker.PipelineFixture.Published;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShippedTaskAdmissionTest {
    private static final String HASH = "ab".repeat(32);
    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Envelope shipped(String queue) {
        return fixture.protocol.task(
                new Submission(new Doubles(21), TaskId.random(), REPLY_QUEUE, queue), HASH);
    }

    private Published publishedTo(String queue) {
        return fixture.port.published.stream()
                .filter(p -> p.queue().equals(queue))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing published to " + queue));
    }

    @Test
    void aWorkerThatDoesNotAcceptCodeDeadLettersAShippedTaskSayingHowToEnableIt() {
        FakeDelivery delivery = fixture.process(shipped(PipelineFixture.QUEUE), false);

        Published dead = publishedTo(BROKER_QUEUE + ".dead");
        assertThat(dead.envelope().annotations())
                .containsEntry(Headers.DEAD_REASON, RejectReason.CODE_NOT_ACCEPTED.name());
        DeadLetterRecord record =
                fixture.protocol.openDeadLetter(
                        dead.envelope(), PipelineFixture.QUEUE, BROKER_QUEUE + ".dead");
        assertThat(record.contentVerified()).isTrue();
        assertThat(record.detail()).contains("--accept-code");
        assertThat(delivery.settlements).containsExactly("ack");
        assertThat(fixture.counters.succeeded).hasValue(0);
    }

    @Test
    void theCallerOfARefusedShippedTaskHearsTheReason() {
        Envelope task = shipped(PipelineFixture.QUEUE);
        fixture.process(task, false);

        Reply reply =
                fixture.protocol.readReply(
                        publishedTo(REPLY_QUEUE).envelope(), task.messageId(), REPLY_QUEUE);
        assertThat(reply).isInstanceOf(Reply.Refused.class);
        assertThat(((Reply.Refused) reply).refusal().reason())
                .isEqualTo(RejectReason.CODE_NOT_ACCEPTED.name());
    }

    @Test
    void aShippedTaskSignedForAnotherQueueIsStillMisdirected() {
        fixture.process(shipped("elsewhere"), false);

        assertThat(publishedTo(BROKER_QUEUE + ".dead").envelope().annotations())
                .containsEntry(Headers.DEAD_REASON, RejectReason.MISDIRECTED.name());
    }

    @Test
    void theBundleHashIsReadOnlyFromAShippedTaskPurposeForThisQueue() {
        assertThat(ShippedTaskBinding.bundleOf(ShippedTaskBinding.on("q", HASH), "q"))
                .isEqualTo(HASH);
        assertThat(ShippedTaskBinding.bundleOf(ShippedTaskBinding.on("q", HASH), "other")).isNull();
        assertThat(ShippedTaskBinding.bundleOf(TaskProtocol.taskOn("q"), "q")).isNull();
        assertThat(ShippedTaskBinding.bundleOf(Binding.of("q", null), "q")).isNull();
    }
}
