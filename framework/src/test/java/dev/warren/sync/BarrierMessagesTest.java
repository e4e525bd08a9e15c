package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.internal.codec.KryoCodec;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.sync.BarrierWire.News;
import dev.warren.sync.BarrierWire.State;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarrierMessagesTest {
    private static final String QUEUE = "warren.sync.barrier.epoch";
    private static final String NEWS = QUEUE + "#news";

    private final DropLog drops = new DropLog();
    private final BarrierMessages messages = messages(sealer(1), "epoch", drops);

    private static MessageSealer sealer(int secret) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) secret);
        return new MessageSealer(
                KryoCodec.of(BarrierWire.types(), Map.of(), 1 << 20),
                HmacSigner.of(SigningKeys.of("k1", key)),
                1 << 20);
    }

    private static BarrierMessages messages(MessageSealer sealer, String name, DropLog drops) {
        String queue = "warren.sync.barrier." + name;
        return new BarrierMessages(
                new Seals(sealer), drops, "barrier '" + name + "'", name, queue, queue + "#news");
    }

    private static State withVersion(State s, long version) {
        return new State(
                s.incarnation(),
                s.parties(),
                version,
                s.generation(),
                s.arrivals(),
                s.hosts(),
                s.brokenReason(),
                s.endedGenerations(),
                s.endedReasons());
    }

    @Test
    void aStateReadsBackAndTheNewestOfSeveralGenuineOnesWins() {
        State v1 = withVersion(BarrierRules.initial("i1", 3), 1);
        State v7 = withVersion(BarrierRules.arrive(v1, 3, "a", "h", "b").next(), 7);

        State read = messages.newestState(List.of(messages.state(v1, 1), messages.state(v7, 2)));

        assertThat(read.version()).isEqualTo(7);
        assertThat(read.arrivals()).containsExactly("a");
        assertThat(drops.count()).as("the older copy is dropped").isEqualTo(1);
    }

    @Test
    void aStateSignedWithAnotherKeyOrForAnotherBarrierIsNoState() {
        State forged = BarrierRules.arrive(BarrierRules.initial("i1", 2), 2, "a", "h", "b").next();
        Envelope otherKey = messages(sealer(2), "epoch", new DropLog()).state(forged, 1);
        Envelope otherBarrier = messages(sealer(1), "other", new DropLog()).state(forged, 1);

        assertThat(messages.newestState(List.of(otherKey, otherBarrier))).isNull();
        assertThat(drops.count()).isEqualTo(2);
    }

    @Test
    void newsOfThisBarrierOpensAndNewsOfAnEarlierIncarnationOrForgedIsDropped() {
        News trip = new News(BarrierWire.TRIPPED, "i1", 4, "", "h", "");
        Envelope genuine = messages.news(trip, 1);
        Envelope forged = messages(sealer(9), "epoch", new DropLog()).news(trip, 1);

        assertThat(messages.openNews(genuine, "i1")).isEqualTo(trip);
        assertThat(messages.openNews(genuine, "i2")).isNull();
        assertThat(messages.openNews(forged, "i1")).isNull();
        assertThat(drops.count()).isEqualTo(2);
    }

    @Test
    void aStateIsNoNewsAndNewsIsNoState() {
        State s = BarrierRules.initial("i1", 2);
        News n = new News(BarrierWire.GONE, "i1", -1, "p", "h", "");

        assertThat(messages.openNews(messages.state(s, 1), "i1")).isNull();
        assertThat(messages.newestState(List.of(messages.news(n, 1)))).isNull();
        assertThat(NEWS).endsWith("#news");
    }
}
