package dev.warren.sync;

import java.time.Duration;

/**
 * When a held token must be renewed or ended, from how long it has been held: a lock's token is
 * renewed at half the broker's {@code consumer_timeout} after its last delivery (the broker's timer
 * restarts with each delivery) and ends when its lease time runs out; a permit cannot be renewed,
 * so it ends at its lease time or, without one, when it reaches the timeout. All times are
 * nanoseconds on one monotonic clock.
 */
final class HoldSchedule {
    enum Action {
        /** Ack the token and put it back for the same holder: restarts the broker's timer. */
        RENEW,
        /** The lease time asked for ran out: give the token back, the hold is over. */
        LEASE_ENDS,
        /** A hold that cannot be renewed reached the broker's timeout. */
        TIMEOUT_ENDS,
        /** Nothing to do ever: no timeout and no lease time. */
        NOTHING
    }

    record Step(Action action, long atNanos) {}

    private final Duration timeout; // null: none
    private final Duration leaseTime; // null: until released
    private final boolean renewable;

    private HoldSchedule(Duration timeout, Duration leaseTime, boolean renewable) {
        this.timeout = timeout;
        this.leaseTime = leaseTime;
        this.renewable = renewable;
    }

    static HoldSchedule forLock(BrokerConsumerTimeout timeout, Duration leaseTime) {
        return new HoldSchedule(timeout.value().orElse(null), leaseTime, true);
    }

    static HoldSchedule forPermit(BrokerConsumerTimeout timeout, Duration leaseTime) {
        return new HoldSchedule(timeout.value().orElse(null), leaseTime, false);
    }

    /** How long after a delivery a renewal starts: half the timeout, so it has the other half. */
    Duration renewalInterval() {
        return timeout == null ? null : timeout.dividedBy(2);
    }

    /**
     * The next step for a token granted at {@code grantedAt} whose latest delivery was at {@code
     * deliveredAt}.
     */
    Step next(long grantedAt, long deliveredAt) {
        long leaseEnd = leaseTime == null ? Long.MAX_VALUE : grantedAt + leaseTime.toNanos();
        if (timeout == null) {
            return leaseTime == null
                    ? new Step(Action.NOTHING, Long.MAX_VALUE)
                    : new Step(Action.LEASE_ENDS, leaseEnd);
        }
        if (!renewable) {
            long timeoutEnd = grantedAt + timeout.toNanos();
            return leaseEnd <= timeoutEnd
                    ? new Step(Action.LEASE_ENDS, leaseEnd)
                    : new Step(Action.TIMEOUT_ENDS, timeoutEnd);
        }
        long renewal = deliveredAt + renewalInterval().toNanos();
        return leaseEnd <= renewal
                ? new Step(Action.LEASE_ENDS, leaseEnd)
                : new Step(Action.RENEW, renewal);
    }

    Duration leaseTime() {
        return leaseTime;
    }
}
