package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the owner writes to the broker per update, at 10, 1,000 and 10,000 entries: before, the
 * whole state per write (a checkpoint is that state); now, a change record plus the checkpoints the
 * policy writes, spread over the writes. Prints the figures the docs quote.
 */
class MapWriteCostTest {
    private static final int UPDATES = 5_000;
    private static final int CLIENTS = 4;

    private final MapMessages messages =
            new MapMessages(TestSealers.withSecret(1), MapAddresses.of("", "cost"), new DropLog());

    private static long size(Envelope sealed) {
        long headers = sealed.messageId().length() + sealed.type().length();
        for (Map.Entry<String, Object> h : Headers.write(sealed).entrySet()) {
            Object v = h.getValue();
            headers += h.getKey().length();
            headers += v instanceof byte[] b ? b.length : String.valueOf(v).length();
        }
        return sealed.body().length + headers;
    }

    private record Cost(long wholeState, double perUpdate) {}

    private Cost measure(int entries) {
        MapState state = MapState.empty();
        long seq = 0;
        for (int i = 0; i < entries; i++) {
            state.apply(put("client-" + (i % CLIENTS), ++seq, "key-" + i, i), 0);
        }
        long wholeState = size(messages.logRecord(state.checkpoint(1, 0, Long.MAX_VALUE), 0, 0));
        CheckpointPolicy policy = new CheckpointPolicy(wholeState, 0, 0);
        long written = 0;
        for (int u = 0; u < UPDATES; u++) {
            String client = "client-" + (u % CLIENTS);
            MapState.Outcome outcome =
                    state.apply(put(client, ++seq, "key-" + (u % entries), u), 0);
            long change = size(messages.logRecord(state.change(1, client, outcome), 0, 0));
            policy.recorded(change);
            written += change;
            if (policy.due()) {
                long checkpoint =
                        size(messages.logRecord(state.checkpoint(1, 0, Long.MAX_VALUE), 1, 0));
                policy.checkpointed(checkpoint);
                written += checkpoint;
            }
        }
        return new Cost(wholeState, (double) written / UPDATES);
    }

    private static MapWire.Request put(String client, long seq, String key, int value) {
        return new MapWire.Request(client, seq, MapWire.PUT, key, value, 0);
    }

    @Test
    void anUpdateCostsItsChangeRecordPlusAtMostAboutAsMuchAgainWhateverTheMapsSize() {
        for (int entries : new int[] {10, 1_000, 10_000}) {
            Cost cost = measure(entries);
            System.out.printf(
                    "shared map write cost at %,d entries: before %,d bytes per update (the whole"
                            + " state), now %,.0f bytes per update (change record + checkpoints"
                            + " spread over %,d updates)%n",
                    entries, cost.wholeState(), cost.perUpdate(), UPDATES);
            assertThat(cost.perUpdate()).isLessThan(1_200);
        }
    }
}
