package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {
    @Test
    void aCheckpointIsDueOnceTheChangesSinceTheLastOneOutweighIt() {
        CheckpointPolicy policy = new CheckpointPolicy(1_000, 0, 0);
        for (int i = 0; i < 10; i++) {
            policy.recorded(100);
        }
        assertThat(policy.due()).isFalse();

        policy.recorded(1);

        assertThat(policy.due()).isTrue();
    }

    @Test
    void aCheckpointIsDueAfterTheMostChangesAReplayShouldRead() {
        CheckpointPolicy policy = new CheckpointPolicy(1_000_000, 0, 0);
        for (int i = 0; i < CheckpointPolicy.MOST_CHANGES - 1; i++) {
            policy.recorded(10);
        }
        assertThat(policy.due()).isFalse();

        policy.recorded(10);

        assertThat(policy.due()).isTrue();
    }

    @Test
    void aCheckpointStartsTheCountAgainFromItsOwnSize() {
        CheckpointPolicy policy = new CheckpointPolicy(100, 150, 2);
        assertThat(policy.due()).isTrue();

        policy.checkpointed(400);
        policy.recorded(300);

        assertThat(policy.due()).isFalse();
    }
}
