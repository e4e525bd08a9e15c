package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import org.junit.jupiter.api.Test;

class MapAddressesTest {
    @Test
    void aMapsQueuesAndMessageTypesAllCarryItsName() {
        MapAddresses map = MapAddresses.of("", "counts");

        assertThat(map.primitive()).isEqualTo("shared map 'counts'");
        assertThat(map.requestQueue()).isEqualTo("warren.sync.map.counts#requests");
        assertThat(map.logQueues())
                .containsExactly("warren.sync.map.counts#log-a", "warren.sync.map.counts#log-b");
        assertThat(map.entriesExchange()).isEqualTo("warren.sync.map.counts#entries");
        assertThat(map.earlierStateQueues())
                .containsExactly(
                        "warren.sync.map.counts#snapshots", "warren.sync.map.counts#state");
        assertThat(map.requestType()).isEqualTo("warren.sync.map-request:counts");
        assertThat(map.replyType()).isEqualTo("warren.sync.map-reply:counts");
        assertThat(map.logType()).isEqualTo("warren.sync.map-log:counts");
        assertThat(map.entryType()).isEqualTo("warren.sync.map-entry:counts");
    }

    @Test
    void anUnusableNameIsRefusedAsAMapName() {
        assertThatThrownBy(() -> MapAddresses.of("", "a#state"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("map name must be");
    }
}
