package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingReplyTest {
    private final PendingReply pending = new PendingReply();

    private static MapWire.Reply reply(long seq) {
        return new MapWire.Reply(seq, true, "v" + seq, seq, null);
    }

    @Test
    void theReplyToTheAwaitedRequestCompletesIt() {
        CompletableFuture<MapWire.Reply> awaited = pending.expect(7);

        assertThat(pending.offer(reply(7))).isTrue();
        assertThat(awaited).isCompletedWithValue(reply(7));
    }

    @Test
    void aLateReplyToAnEarlierRequestFallsThrough() {
        pending.expect(6);
        CompletableFuture<MapWire.Reply> awaited = pending.expect(7);

        assertThat(pending.offer(reply(6))).isFalse();
        assertThat(awaited).isNotDone();
    }

    @Test
    void aDuplicateReplyAfterTheFirstChangesNothing() {
        CompletableFuture<MapWire.Reply> awaited = pending.expect(7);
        pending.offer(reply(7));

        assertThat(pending.offer(new MapWire.Reply(7, false, null, 0, null))).isFalse();
        assertThat(awaited).isCompletedWithValue(reply(7));
    }

    @Test
    void nothingIsTakenOnceTheClientStoppedWaiting() {
        CompletableFuture<MapWire.Reply> awaited = pending.expect(7);
        pending.stopWaiting();

        assertThat(pending.offer(reply(7))).isFalse();
        assertThat(awaited).isNotDone();
    }

    @Test
    void aLostReplyChannelFailsTheAwaitedRequest() {
        CompletableFuture<MapWire.Reply> awaited = pending.expect(7);

        pending.fail(new IOException("channel closed"));

        assertThat(awaited).isCompletedExceptionally();
    }
}
