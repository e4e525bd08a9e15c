package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleRingTest {
    @Test
    void itKeepsTheLatestSamplesOldestFirst() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        assertThat(ring.samples()).isEmpty();
        ring.add(1);
        ring.add(2);
        assertThat(ring.samples()).containsExactly(1, 2);
        ring.add(3);
        ring.add(4);
        ring.add(5);
        assertThat(ring.samples()).containsExactly(3, 4, 5);
    }

    @Test
    void aRingHoldsAtLeastOneSample() {
        assertThatThrownBy(() -> new SampleRing<>(0)).hasMessageContaining("at least one");
    }
}
