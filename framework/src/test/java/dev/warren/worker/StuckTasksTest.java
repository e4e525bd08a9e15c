package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StuckTasksTest {
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final StuckTasks stuck = new StuckTasks(count, 2, stuck -> calls.incrementAndGet());

    @Test
    void theLimitIsPassedOnlyByMoreStuckThreadsThanItAllows() {
        assertThat(StuckTasks.pastLimit(2, 2)).isFalse();
        assertThat(StuckTasks.pastLimit(3, 2)).isTrue();
        assertThat(StuckTasks.pastLimit(1, 0)).isTrue();
        assertThat(StuckTasks.pastLimit(0, 0)).isFalse();
    }

    private void abandon() {
        stuck.abandoned();
        stuck.checkLimit();
    }

    @Test
    void upToTheLimitNothingHappens() {
        abandon();
        abandon();

        assertThat(count).hasValue(2);
        assertThat(calls).hasValue(0);
    }

    @Test
    void passingTheLimitCallsOnceEvenIfMoreFollow() {
        for (int i = 0; i < 5; i++) {
            abandon();
        }

        assertThat(calls).hasValue(1);
    }

    @Test
    void aThreadWhoseTaskEndsIsNoLongerCounted() {
        abandon();
        abandon();
        stuck.ended();
        abandon();

        assertThat(count).hasValue(2);
        assertThat(calls).hasValue(0);
    }
}
