package dev.warren.sync;

import dev.warren.ConfigurationException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A counting semaphore shared by every process connected to the broker: never more than {@code
 * permits} holders; the permits of a process that dies come back (at once if it was killed, after
 * about three heartbeats if it froze). Waiters compete: there is no arrival order.
 *
 * <p>On the broker: a durable queue {@code warren.sync.semaphore.<name>} holding one message per
 * permit (holding a permit = holding one of them unacked), each signed for this semaphore: a
 * message that does not verify is removed by the taker that meets it and never counts. It never has
 * a delivery limit, which would count normal releases and destroy permits. The number of permits is
 * fixed by the first process that creates the semaphore; later {@code named} calls with another
 * number keep the first.
 *
 * <pre>{@code
 * DistributedSemaphore licences = DistributedSemaphore.named("solver-licences", 3, coordinator);
 * try (Permit permit = licences.acquire(Duration.ofMinutes(5))) {
 *     solver.run(model);
 * }
 * }</pre>
 */
public final class DistributedSemaphore {
    private static final String KIND = "semaphore";
    private static final Duration TRY_GRACE = Duration.ofMillis(250);

    private final String name;
    private final String primitive;
    private final int permits;
    private final Coordinator coordinator;
    private final String tokenQueue;

    private DistributedSemaphore(String name, int permits, Coordinator coordinator) {
        this.name = name;
        this.permits = permits;
        this.primitive = SyncNames.describe(KIND, name);
        this.coordinator = coordinator;
        this.tokenQueue = SyncNames.base(coordinator.config().namespace(), KIND, name);
    }

    /**
     * The semaphore called {@code name}; the first process to ask creates it with {@code permits}
     * permits (exactly that many, also when several processes create it at once).
     */
    public static DistributedSemaphore named(String name, int permits, Coordinator coordinator) {
        Objects.requireNonNull(coordinator, "coordinator");
        if (permits < 1) {
            throw new ConfigurationException(
                    "semaphore '" + name + "' needs at least 1 permit, was " + permits);
        }
        DistributedSemaphore semaphore =
                new DistributedSemaphore(SyncNames.check(KIND, name), permits, coordinator);
        semaphore.initialize();
        return semaphore;
    }

    private void initialize() {
        coordinator
                .initializer()
                .ensureInitialized(
                        tokenQueue,
                        primitive,
                        channel -> {
                            channel.queueDeclare(
                                    tokenQueue,
                                    true,
                                    false,
                                    false,
                                    coordinator.queueArguments().plain());
                            // a crashed earlier initialiser may have published some tokens already
                            channel.queuePurge(tokenQueue);
                            long now = System.currentTimeMillis();
                            for (int i = 1; i <= permits; i++) {
                                String permit = "permit " + i + " of " + permits;
                                Envelope sealed =
                                        coordinator.seals().seal(permit, binding(), permit, now);
                                channel.basicPublish(
                                        "",
                                        tokenQueue,
                                        AmqpMessages.properties(sealed, true),
                                        sealed.body());
                            }
                            return null;
                        });
    }

    /** What a permit is signed for: this semaphore's queue, as one of its permits. */
    private Binding binding() {
        return Binding.of(tokenQueue, "permit:" + name);
    }

    private HeldToken take(Duration timeout) {
        return TokenTaker.take(coordinator, tokenQueue, binding(), primitive, timeout);
    }

    public String name() {
        return name;
    }

    /** The number of permits this process asked for when it named the semaphore. */
    public int permits() {
        return permits;
    }

    /**
     * Waits up to {@code timeout} for a permit.
     *
     * @throws AcquireTimeoutException if none came in time
     */
    public Permit acquire(Duration timeout) {
        return acquireWithin(timeout, null);
    }

    /**
     * Waits up to {@code timeout} for a permit and holds it for {@code leaseTime} at most: then it
     * is given back by itself ({@link Permit#isValid()} false, {@link Permit#onLost} runs, {@link
     * Permit#lostReason()} says the lease time ran out), unless closed before. A permit cannot be
     * renewed, so a lease time longer than the broker's {@code consumer_timeout} (as the
     * coordinator was told, see {@link CoordinatorOptions}) is refused; without a lease time a
     * permit ends when it reaches that timeout.
     *
     * @throws ConfigurationException if {@code leaseTime} is longer than the broker's {@code
     *     consumer_timeout}, saying how to raise it
     * @throws AcquireTimeoutException if none came in time
     */
    public Permit acquire(Duration timeout, Duration leaseTime) {
        Objects.requireNonNull(leaseTime, "leaseTime");
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException(
                    primitive + ": leaseTime must be positive, was " + leaseTime);
        }
        Optional<String> refused =
                coordinator.consumerTimeout().refusePermitHold(primitive, leaseTime);
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        return acquireWithin(timeout, leaseTime);
    }

    private Permit acquireWithin(Duration timeout, Duration leaseTime) {
        Objects.requireNonNull(timeout, "timeout");
        HeldToken token = take(timeout);
        if (token == null) {
            throw new AcquireTimeoutException(
                    "no permit of "
                            + primitive
                            + " became free within "
                            + SyncFailures.humanize(timeout));
        }
        return held(token, leaseTime);
    }

    /** Waits as long as it takes for a permit. */
    public Permit acquire() {
        return held(take(null), null);
    }

    /** Ends the permit at its lease time, or at the broker's timeout, which would take it back. */
    private Permit held(HeldToken token, Duration leaseTime) {
        HoldWatch.start(
                coordinator,
                token,
                HoldSchedule.forPermit(coordinator.consumerTimeout(), leaseTime),
                token.deliveredAtNanos(),
                null);
        return new Permit(this, token);
    }

    /** A permit if one is free right now; empty otherwise. */
    public Optional<Permit> tryAcquire() {
        if (coordinator.inspector().readyMessages(tokenQueue, primitive) <= 0) {
            return Optional.empty();
        }
        HeldToken token = take(TRY_GRACE);
        return token == null ? Optional.empty() : Optional.of(held(token, null));
    }

    /** Permits free right now (a snapshot; counts forgeries no taker has met and removed yet). */
    public int availablePermits() {
        long ready = coordinator.inspector().readyMessages(tokenQueue, primitive);
        if (ready < 0) {
            throw new CoordinationException(primitive + " does not exist (deleted?)");
        }
        return (int) ready;
    }

    /** Removes the semaphore from the broker; holders lose their permits. */
    public void delete() {
        coordinator
                .connection()
                .deleteQueues(
                        primitive,
                        SyncNames.readyMarker(tokenQueue),
                        SyncNames.earlierReadyMarker(tokenQueue),
                        tokenQueue);
    }

    @Override
    public String toString() {
        return "DistributedSemaphore[" + name + ", " + permits + " permits]";
    }
}
