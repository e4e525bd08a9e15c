package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.sync.HoldSchedule.Action;
import dev.warren.sync.HoldSchedule.Step;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldScheduleTest {
    private static final long SECOND = 1_000_000_000L;
    private static final BrokerConsumerTimeout THIRTY_MINUTES =
            BrokerConsumerTimeout.of(Optional.of(Duration.ofMinutes(30)));
    private static final BrokerConsumerTimeout NONE = BrokerConsumerTimeout.of(Optional.empty());

    @Test
    void aLockWithoutLeaseTimeIsRenewedHalfATimeoutAfterItsLatestDelivery() {
        HoldSchedule schedule = HoldSchedule.forLock(THIRTY_MINUTES, null);

        assertThat(schedule.next(0, 0)).isEqualTo(new Step(Action.RENEW, 900 * SECOND));
        assertThat(schedule.next(0, 905 * SECOND))
                .as("after a renewal the broker's timer starts again from the new delivery")
                .isEqualTo(new Step(Action.RENEW, 1805 * SECOND));
    }

    @Test
    void aLockLeaseEndsAtItsLeaseTimeWhenThatComesBeforeTheNextRenewal() {
        HoldSchedule schedule = HoldSchedule.forLock(THIRTY_MINUTES, Duration.ofMinutes(20));

        assertThat(schedule.next(0, 0).action()).isEqualTo(Action.RENEW);
        assertThat(schedule.next(0, 900 * SECOND))
                .isEqualTo(new Step(Action.LEASE_ENDS, 1200 * SECOND));
    }

    @Test
    void aShortLockLeaseEndsWithoutAnyRenewal() {
        assertThat(HoldSchedule.forLock(THIRTY_MINUTES, Duration.ofSeconds(10)).next(5, 5))
                .isEqualTo(new Step(Action.LEASE_ENDS, 5 + 10 * SECOND));
    }

    @Test
    void withoutABrokerTimeoutOnlyALeaseTimeEndsAHold() {
        assertThat(HoldSchedule.forLock(NONE, null).next(0, 0).action()).isEqualTo(Action.NOTHING);
        assertThat(HoldSchedule.forPermit(NONE, null).next(0, 0).action())
                .isEqualTo(Action.NOTHING);
        assertThat(HoldSchedule.forPermit(NONE, Duration.ofHours(3)).next(0, 0))
                .isEqualTo(new Step(Action.LEASE_ENDS, 3 * 3600 * SECOND));
    }

    @Test
    void aPermitIsNeverRenewedAndEndsAtTheTimeoutOrItsShorterLeaseTime() {
        assertThat(HoldSchedule.forPermit(THIRTY_MINUTES, null).next(0, 0))
                .isEqualTo(new Step(Action.TIMEOUT_ENDS, 1800 * SECOND));
        assertThat(HoldSchedule.forPermit(THIRTY_MINUTES, Duration.ofMinutes(5)).next(0, 0))
                .isEqualTo(new Step(Action.LEASE_ENDS, 300 * SECOND));
        assertThat(HoldSchedule.forPermit(THIRTY_MINUTES, Duration.ofMinutes(30)).next(0, 0))
                .as("a lease time equal to the timeout is the lease time's end")
                .isEqualTo(new Step(Action.LEASE_ENDS, 1800 * SECOND));
    }

    @Test
    void theRenewalIntervalIsHalfTheTimeout() {
        assertThat(HoldSchedule.forLock(THIRTY_MINUTES, null).renewalInterval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(HoldSchedule.forLock(NONE, null).renewalInterval()).isNull();
    }
}
