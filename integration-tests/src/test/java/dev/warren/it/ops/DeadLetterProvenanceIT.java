package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.warren.TaskId;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.protocol.DeadLetterRecord;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.Queues;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dead letters keep their provenance: a letter made by hand, or a worker's letter whose reason, id
 * or queue was changed, is listed as unverified and never goes back to work.
 */
@WarrenTest
class DeadLetterProvenanceIT extends DeadLetterQueueFixture {
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
}
