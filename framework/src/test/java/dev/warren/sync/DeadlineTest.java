package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Deadline deadline = Deadline.in(Duration.ofSeconds(12), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aWaitLastsNoLongerThanTheSliceWhileMoreIsLeft() {
        assertThat(deadline.nextWaitNanos(Duration.ofSeconds(5)))
                .isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theLastWaitLastsOnlyWhatIsLeft() {
        advance(Duration.ofSeconds(10));

        assertThat(deadline.nextWaitNanos(Duration.ofSeconds(5)))
                .isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(deadline.hasPassed()).isFalse();
    }

    @Test
    void itHasPassedFromTheMomentItIsReached() {
        advance(Duration.ofSeconds(12));

        assertThat(deadline.hasPassed()).isTrue();
        assertThat(deadline.nanosLeft()).isZero();
    }

    @Test
    void afterItHasPassedTheNextWaitIsNotPositive() {
        advance(Duration.ofSeconds(13));

        assertThat(deadline.nextWaitNanos(Duration.ofSeconds(5))).isNegative();
    }
}
