package dev.warren.worker;

import static dev.warren.worker.PipelineFixture.BROKER_QUEUE;
import static dev.warren.worker.PipelineFixture.NOW;
import static dev.warren.worker.PipelineFixture.REPLY_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.protocol.NoticeProtocol;
import dev.warren.internal.protocol.Reply;
import dev.warren.internal.protocol.TaskRefusal;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.RejectReason;
import dev.warren.worker.PipelineFixture.Doubles;
import dev.warren.worker.PipelineFixture.FakeDelivery;
import dev.warren.worker.PipelineFixture.Published;
import dev.warren.worker.PipelineFixture.ReturnsUnregistered;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the pipeline tells the caller of a refused task, without a broker. */
class CallerNoticesTest {
    private final PipelineFixture fixture = new PipelineFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Published publishedTo(String queue) {
        return fixture.port.published.stream()
                .filter(p -> p.queue().equals(queue))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing published to " + queue));
    }

    private void assertRefusedToTheCaller(Envelope task, RejectReason reason) {
        Reply read =
                fixture.protocol.readReply(
                        publishedTo(REPLY_QUEUE).envelope(), task.messageId(), REPLY_QUEUE);
        assertThat(read).isInstanceOf(Reply.Refused.class);
        TaskRefusal refusal = ((Reply.Refused) read).refusal();
        assertThat(refusal.reason()).isEqualTo(reason.name());
        assertThat(refusal.worker()).isEqualTo("test-host:1");
        assertThat(publishedTo(BROKER_QUEUE + ".dead")).as("still dead-lettered").isNotNull();
    }

    private Envelope resealed(Envelope task, long timestamp, byte[] body) {
        Heading heading =
                new Heading(
                        task.messageId(),
                        task.type(),
                        timestamp,
                        task.replyTo(),
                        1,
                        task.binding());
        return body == null
                ? fixture.sealer.reseal(task, heading)
                : fixture.sealer.sealBytes(heading, body);
    }

    @Test
    void aTaskWhoseSignatureFailsIsNoticedOnTheExchangeAndNeverOnItsReplyQueue() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        byte[] forged = task.signature().clone();
        forged[0] ^= 1;
        Envelope tampered =
                new Envelope(
                        task.version(),
                        task.messageId(),
                        task.type(),
                        task.timestamp(),
                        task.replyTo(),
                        task.attempt(),
                        task.binding(),
                        task.keyId(),
                        forged,
                        task.body(),
                        task.annotations());

        fixture.process(tampered, false);

        assertThat(fixture.port.published)
                .as("the unverified reply-to never hears from the worker")
                .extracting(Published::queue)
                .containsExactlyInAnyOrder(
                        BROKER_QUEUE + ".dead", PipelineFixture.NOTICES_PREFIX + REPLY_QUEUE);
        Published notice = publishedTo(PipelineFixture.NOTICES_PREFIX + REPLY_QUEUE);
        NoticeProtocol.Read read = fixture.notices.read(notice.envelope(), REPLY_QUEUE);
        assertThat(read.verified()).isTrue();
        assertThat(read.notice().reason()).isEqualTo("BAD_SIGNATURE");
        assertThat(read.notice().macEcho()).isEqualTo(forged);
        assertThat(read.notice().keyIds()).containsExactly("k1");
        assertThat(notice.envelope().messageId()).isEqualTo(task.messageId());
    }

    @Test
    void anExpiredTaskIsRefusedToTheCaller() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        Envelope old = resealed(task, NOW.minus(Duration.ofMinutes(11)).toEpochMilli(), null);

        fixture.process(old, false);

        assertRefusedToTheCaller(old, RejectReason.EXPIRED);
    }

    @Test
    void aTaskOfAClassTheWorkerDoesNotKnowIsRefusedToTheCaller() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        Envelope unknown = resealed(task, task.timestamp(), new byte[] {(byte) 0xF9, 0x03, 0x01});

        fixture.process(unknown, false);

        assertRefusedToTheCaller(unknown, RejectReason.UNREGISTERED_CLASS);
    }

    @Test
    void aResultThatCannotBeEncodedIsRefusedToTheCaller() {
        Envelope task = fixture.task(new ReturnsUnregistered(), REPLY_QUEUE);

        FakeDelivery delivery = fixture.process(task, false);

        assertRefusedToTheCaller(task, RejectReason.UNSENDABLE_RESULT);
        assertThat(delivery.settlements).containsExactly("ack");
    }

    @Test
    void aReplayedCopyNeverTellsTheCallerWhoseOriginalMaySucceed() {
        Envelope task = fixture.task(new Doubles(21), REPLY_QUEUE);
        fixture.process(task, false);
        fixture.port.published.clear();

        FakeDelivery copy = fixture.process(task, false);

        assertThat(fixture.port.published)
                .extracting(Published::queue)
                .containsExactly(BROKER_QUEUE + ".dead");
        assertThat(copy.settlements).containsExactly("ack");
    }
}
