package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayMemoryTest {

    @Test
    void theFirstSightIsNotAReplay() {
        ReplayMemory memory = new ReplayMemory(10);

        assertThat(memory.isReplay("t1", 1, false)).isFalse();
    }

    @Test
    void theSameTaskAndAttemptSeenAgainWithoutRedeliveredIsAReplay() {
        ReplayMemory memory = new ReplayMemory(10);
        memory.isReplay("t1", 1, false);

        assertThat(memory.isReplay("t1", 1, false)).isTrue();
        assertThat(memory.isReplay("t1", 1, false)).isTrue();
    }

    @Test
    void theSameTaskAndAttemptSeenAgainAsRedeliveredIsNotAReplay() {
        ReplayMemory memory = new ReplayMemory(10);
        memory.isReplay("t1", 1, false);

        assertThat(memory.isReplay("t1", 1, true)).isFalse();
    }

    @Test
    void anotherAttemptOfTheSameTaskIsNotAReplay() {
        ReplayMemory memory = new ReplayMemory(10);
        memory.isReplay("t1", 1, false);

        assertThat(memory.isReplay("t1", 2, false)).isFalse();
        assertThat(memory.isReplay("t2", 1, false)).isFalse();
    }

    @Test
    void idsThatOnlyLookAlikeWhenJoinedAreNotConfused() {
        ReplayMemory memory = new ReplayMemory(10);
        memory.isReplay("t1", 11, false);

        assertThat(memory.isReplay("t11", 1, false)).isFalse();
    }

    @Test
    void aFullMemoryForgetsTheOldestFirst() {
        ReplayMemory memory = new ReplayMemory(2);
        memory.isReplay("a", 1, false);
        memory.isReplay("b", 1, false);
        memory.isReplay("c", 1, false); // evicts a

        // seeing c and b again changes nothing: they are remembered
        assertThat(memory.isReplay("c", 1, false)).isTrue();
        assertThat(memory.isReplay("b", 1, false)).isTrue();
        assertThat(memory.isReplay("a", 1, false)).as("a was forgotten").isFalse();
    }

    @Test
    void capacityZeroRemembersNothing() {
        ReplayMemory memory = new ReplayMemory(0);
        memory.isReplay("t1", 1, false);

        assertThat(memory.isReplay("t1", 1, false)).isFalse();
    }
}
