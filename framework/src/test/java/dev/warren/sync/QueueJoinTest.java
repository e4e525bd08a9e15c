package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueJoinTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Long> pauses = new ArrayList<>();

    private void sleep(long millis) {
        pauses.add(millis);
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void joinReturnsTrueAtTheFirstReadingOfZeroAndPausesLongerAndLongerBefore() {
        ArrayDeque<Long> readings = new ArrayDeque<>(List.of(3L, 2L, 2L, 1L, 0L));

        assertThat(QueueJoin.await(readings::pop, null, this::sleep)).isTrue();
        assertThat(pauses).containsExactly(5L, 10L, 20L, 40L);
    }

    @Test
    void joinGivesUpWhenTheDeadlinePassesWithItemsStillUnfinished() {
        Deadline deadline = Deadline.in(Duration.ofMillis(50), now::get);

        assertThat(QueueJoin.await(() -> 1, deadline, this::sleep)).isFalse();
        assertThat(pauses.stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
    }

    @Test
    void aLongJoinReadsNoMoreThanTenTimesASecond() {
        assertThat(QueueJoin.pauseMillis(0)).isEqualTo(5);
        assertThat(QueueJoin.pauseMillis(4)).isEqualTo(80);
        assertThat(QueueJoin.pauseMillis(5)).isEqualTo(100);
        assertThat(QueueJoin.pauseMillis(1_000)).isEqualTo(100);
    }
}
