package dev.warren.sync;

import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Carries out a {@link HoldSchedule} for one held token on the coordinator's timer thread: renews
 * it, or ends it when its lease time runs out or, for a token that cannot be renewed, when it
 * reaches the broker's {@code consumer_timeout}. Stops when the hold is over.
 */
final class HoldWatch {
    private static final Duration LONGEST_WAIT_BACK = Duration.ofSeconds(30);

    private final Coordinator coordinator;
    private final HeldToken token;
    private final HoldSchedule schedule;
    private final long grantedAt;
    private final Supplier<Envelope> freshToken; // null: not renewable
    private volatile ScheduledFuture<?> pending;

    private HoldWatch(
            Coordinator coordinator,
            HeldToken token,
            HoldSchedule schedule,
            long grantedAt,
            Supplier<Envelope> freshToken) {
        this.coordinator = coordinator;
        this.token = token;
        this.schedule = schedule;
        this.grantedAt = grantedAt;
        this.freshToken = freshToken;
    }

    /**
     * Watches {@code token}, granted at {@code grantedAt} (monotonic nanoseconds); {@code
     * freshToken} seals the token published again at each renewal.
     */
    static void start(
            Coordinator coordinator,
            HeldToken token,
            HoldSchedule schedule,
            long grantedAt,
            Supplier<Envelope> freshToken) {
        HoldWatch watch = new HoldWatch(coordinator, token, schedule, grantedAt, freshToken);
        token.onEnd(watch::stop);
        watch.next();
    }

    private void next() {
        if (!token.isValid()) {
            return;
        }
        HoldSchedule.Step step = schedule.next(grantedAt, token.deliveredAtNanos());
        if (step.action() == HoldSchedule.Action.NOTHING) {
            return;
        }
        pending = coordinator.timers(() -> run(step), step.atNanos() - System.nanoTime());
        if (!token.isValid()) {
            stop(); // ended while being scheduled
        }
    }

    private void run(HoldSchedule.Step step) {
        if (!token.isValid()) {
            return;
        }
        switch (step.action()) {
            case RENEW -> {
                Duration half = schedule.renewalInterval();
                token.renew(
                        freshToken.get(),
                        half.compareTo(LONGEST_WAIT_BACK) < 0 ? half : LONGEST_WAIT_BACK);
                next();
            }
            case LEASE_ENDS ->
                    token.end(
                            "its lease time of "
                                    + SyncFailures.humanize(schedule.leaseTime())
                                    + " ran out; it was given back");
            case TIMEOUT_ENDS -> token.end(coordinator.consumerTimeout().permitReachedTimeout());
            case NOTHING -> {}
        }
    }

    private void stop() {
        ScheduledFuture<?> current = pending;
        if (current != null) {
            current.cancel(false);
        }
    }
}
