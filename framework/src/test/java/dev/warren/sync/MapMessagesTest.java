package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapMessagesTest {
    private static final MapAddresses COUNTS = MapAddresses.of("", "counts");
    private static final MapAddresses OTHER = MapAddresses.of("", "other");

    private final MessageSealer sealer = TestSealers.withSecret(1);
    private final DropLog drops = new DropLog();
    private final MapMessages counts = new MapMessages(sealer, COUNTS, drops);
    private final MapMessages other = new MapMessages(sealer, OTHER, drops);

    private static MapWire.Request put(long seq) {
        return new MapWire.Request("client-a", seq, MapWire.PUT, "k", 1, 0);
    }

    private static MapWire.Checkpoint emptyCheckpoint(long version) {
        return new MapWire.Checkpoint(
                2, version, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    @Test
    void aRequestIsIdentifiedByClientAndSequenceAndNamesItsReplyQueue() {
        Envelope sealed = counts.request(put(3), "reply-q", 1_000);

        assertThat(sealed.messageId()).isEqualTo("client-a:3");
        assertThat(sealed.replyTo()).isEqualTo("reply-q");
        assertThat(counts.openRequest(sealed)).isEqualTo(put(3));
    }

    @Test
    void aRequestForAnotherMapIsNotServed() {
        assertThat(counts.openRequest(other.request(put(3), "reply-q", 1_000))).isNull();
    }

    @Test
    void aRequestSignedWithOtherKeysIsDroppedRatherThanThrownAtTheOwner() {
        MapMessages stranger = new MapMessages(TestSealers.withSecret(2), COUNTS, drops);

        assertThat(counts.openRequest(stranger.request(put(3), "reply-q", 1_000))).isNull();
        assertThat(drops.count()).isEqualTo(1);
    }

    @Test
    void aReplyIsTakenOnlyFromThisMapsOwner() {
        MapWire.Reply reply = new MapWire.Reply(3, true, null, 1, null);

        assertThat(counts.openReply(counts.reply(put(3), reply, 1_000))).isEqualTo(reply);
        assertThat(counts.openReply(other.reply(put(3), reply, 1_000))).isNull();
        assertThat(counts.openReply(counts.request(put(3), "reply-q", 1_000))).isNull();
    }

    @Test
    void aLogRecordCarriesItsEpochAndVersionInItsId() {
        Envelope sealed = counts.logRecord(emptyCheckpoint(12), 0, 1_000);

        assertThat(sealed.messageId()).isEqualTo("checkpoint:e2:v12");
        assertThat(counts.openLogRecord(sealed, 0)).isEqualTo(emptyCheckpoint(12));
    }

    @Test
    void junkAnotherMapsRecordOrARecordMovedToTheOtherLogQueueIsDroppedAndCountedNotThrown() {
        Envelope plain =
                new Envelope(0, null, null, 0, null, 0, null, null, null, new byte[] {1}, Map.of());
        MapWire.Change change = new MapWire.Change(1, 1, "k", 1, "client-a", null);

        assertThat(counts.openLogRecord(other.logRecord(emptyCheckpoint(12), 0, 1_000), 0))
                .isNull();
        assertThat(counts.openLogRecord(plain, 0)).isNull();
        assertThat(counts.openLogRecord(counts.request(put(3), "reply-q", 1_000), 0)).isNull();
        assertThat(counts.openLogRecord(counts.logRecord(change, 0, 1_000), 1)).isNull();
        assertThat(drops.count()).isEqualTo(4);
    }
}
