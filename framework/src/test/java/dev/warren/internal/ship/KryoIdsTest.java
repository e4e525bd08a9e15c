package dev.warren.internal.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KryoIdsTest {
    @Test
    void idsTravelAsSortedLinesAndComeBackTheSame() {
        byte[] entry = KryoIds.encode(Map.of("b.Two", 201, "a.One", 200));

        assertThat(new String(entry, StandardCharsets.UTF_8)).isEqualTo("a.One=200\nb.Two=201\n");
        assertThat(KryoIds.decode(entry))
                .containsExactly(Map.entry("a.One", 200), Map.entry("b.Two", 201));
    }

    @Test
    void anythingTheEncoderWouldNotWriteIsRefusedAsMalformed() {
        for (String bad :
                List.of("a.One=200", "a.One=-1\n", "a One=1\n", "a.One=1\na.One=2\n", "=1\n")) {
            assertThatThrownBy(() -> KryoIds.decode(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad)
                    .isInstanceOf(BundleRejectedException.class)
                    .hasMessageContaining(KryoIds.ENTRY);
        }
    }

    @Test
    void aBundleCarriesTheIdsOfTheClassesItShipsAndNoOthers() {
        Shipment shipment =
                new Shipment(
                        "lib.Root",
                        new TreeMap<>(Map.of("lib/Root.class", new byte[] {1})),
                        List.of(),
                        new java.util.TreeSet<>());

        Bundle bundle = Bundle.of(shipment, Map.of("lib.Root", 150, "com.acme.Elsewhere", 151));

        assertThat(bundle.kryoIds()).containsExactly(Map.entry("lib.Root", 150));
        assertThat(Bundle.of(shipment, Map.of()).entries()).doesNotContainKey(KryoIds.ENTRY);
        assertThat(bundle.hash()).isNotEqualTo(Bundle.of(shipment).hash());
    }
}
