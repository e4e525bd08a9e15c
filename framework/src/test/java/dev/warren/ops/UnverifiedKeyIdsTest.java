package dev.warren.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnverifiedKeyIdsTest {

    @Test
    void keepsTheIdsItWasGivenInOrder() {
        UnverifiedKeyIds ids = new UnverifiedKeyIds();
        ids.add("k2");
        ids.add("k1");
        ids.add("k2");
        ids.add(null);

        assertThat(ids.sorted()).containsExactly("k1", "k2", "null");
    }

    @Test
    void aFloodOfDistinctIdsKeepsOnlyABoundedFew() {
        UnverifiedKeyIds ids = new UnverifiedKeyIds();
        for (int i = 0; i < 100_000; i++) {
            ids.add("forged-" + i);
        }

        assertThat(ids.sorted()).hasSize(UnverifiedKeyIds.MAX_IDS);
    }

    @Test
    void aLongIdIsCut() {
        UnverifiedKeyIds ids = new UnverifiedKeyIds();
        ids.add("x".repeat(1_000_000));

        assertThat(ids.sorted().iterator().next()).hasSize(UnverifiedKeyIds.MAX_ID_LENGTH + 1);
    }
}
