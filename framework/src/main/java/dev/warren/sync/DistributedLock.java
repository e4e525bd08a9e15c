package dev.warren.sync;

import com.rabbitmq.client.Channel;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A mutual-exclusion lock shared by every process connected to the broker, with fencing tokens.
 * Waiters are served in arrival order; the lock is released when the holder closes its {@link
 * Lease} or when its connection dies (at once for a killed process, after about three heartbeats
 * for a frozen or unreachable one).
 *
 * <p>On the broker: a durable single-active-consumer queue {@code warren.sync.lock.<name>} holding
 * one token message (holding the lock = holding that message unacked), and a sequencer queue {@code
 * warren.sync.lock.<name>#seq} holding the fencing counter, both signed for this lock: a taker
 * removes and counts any message that does not verify, and a forged counter never lowers a token.
 *
 * <pre>{@code
 * DistributedLock lock = DistributedLock.named("invoice-numbers", coordinator);
 * try (Lease lease = lock.acquire(Duration.ofSeconds(5))) {
 *     ledger.append(nextInvoice(), lease.fencingToken());
 * }
 * Optional<Lease> maybe = lock.tryAcquire();   // empty at once if someone holds it
 * }</pre>
 */
public final class DistributedLock {
    private static final String KIND = "lock";
    private static final Duration TRY_GRACE = Duration.ofMillis(250);

    private final String name;
    private final String primitive;
    private final Coordinator coordinator;
    private final String tokenQueue;
    private final String sequencerQueue;
    private final FencingCounter counter;
    private final LockOptions options;

    private DistributedLock(String name, Coordinator coordinator, LockOptions options) {
        this.name = name;
        this.options = options;
        this.primitive = SyncNames.describe(KIND, name);
        this.coordinator = coordinator;
        String base = SyncNames.base(coordinator.config().namespace(), KIND, name);
        this.tokenQueue = base;
        this.sequencerQueue = SyncNames.part(base, "seq");
        this.counter = new FencingCounter(coordinator.seals(), sequencerQueue, name);
    }

    /**
     * The lock called {@code name}, created on the broker by the first process that asks (safely
     * when several ask at once).
     */
    public static DistributedLock named(String name, Coordinator coordinator) {
        return named(name, coordinator, LockOptions.plain());
    }

    /**
     * The lock called {@code name}, behaving in this process as {@code options} say (for example
     * {@link LockOptions#reentrant()}); other processes may use it with other options.
     */
    public static DistributedLock named(String name, Coordinator coordinator, LockOptions options) {
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(options, "options");
        DistributedLock lock =
                new DistributedLock(SyncNames.check(KIND, name), coordinator, options);
        lock.initialize();
        return lock;
    }

    private void initialize() {
        QueueArguments arguments = coordinator.queueArguments();
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
                                    arguments.singleActiveConsumer());
                            channel.queueDeclare(
                                    sequencerQueue, true, false, false, arguments.plain());
                            channel.queuePurge(tokenQueue);
                            channel.queuePurge(sequencerQueue);
                            long now = System.currentTimeMillis();
                            publish(channel, tokenQueue, seals().seal(name, binding(), name, now));
                            publish(channel, sequencerQueue, counter.initial(now));
                            return null;
                        });
    }

    private static void publish(Channel channel, String queue, Envelope sealed) throws IOException {
        channel.basicPublish("", queue, AmqpMessages.properties(sealed, true), sealed.body());
    }

    private Seals seals() {
        return coordinator.seals();
    }

    /** What the token is signed for: this lock's queue, as its token. */
    private Binding binding() {
        return Binding.of(tokenQueue, "lock:" + name);
    }

    public String name() {
        return name;
    }

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws AcquireTimeoutException if it was not granted in time
     * @throws CoordinationException if the broker or the connection fails
     */
    public Lease acquire(Duration timeout) {
        return acquireWithin(timeout, null);
    }

    /**
     * Waits up to {@code timeout} for the lock and holds it for {@code leaseTime} at most: then it
     * is given back by itself ({@link Lease#isValid()} false, {@link Lease#onLost} runs, {@link
     * Lease#lostReason()} says the lease time ran out), unless closed before. Without a lease time
     * a lease is held until closed, renewed before the broker's {@code consumer_timeout}.
     *
     * @throws AcquireTimeoutException if it was not granted in time
     * @throws IllegalStateException for a reentrant lock this thread holds already (its lease time
     *     was set by the outer acquisition)
     */
    public Lease acquire(Duration timeout, Duration leaseTime) {
        Objects.requireNonNull(leaseTime, "leaseTime");
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException(
                    primitive + ": leaseTime must be positive, was " + leaseTime);
        }
        return acquireWithin(timeout, leaseTime);
    }

    private Lease acquireWithin(Duration timeout, Duration leaseTime) {
        Objects.requireNonNull(timeout, "timeout");
        Lease lease = grant(timeout, leaseTime);
        if (lease == null) {
            throw new AcquireTimeoutException(
                    primitive + " was not granted within " + SyncFailures.humanize(timeout));
        }
        return lease;
    }

    /** Waits as long as it takes for the lock. */
    public Lease acquire() {
        return grant(null, null);
    }

    /**
     * The lock if nobody holds it or waits for it right now; never waits behind a holder. Empty if
     * it is taken.
     */
    public Optional<Lease> tryAcquire() {
        Lease joined = joinHeld(null);
        if (joined != null) {
            return Optional.of(joined);
        }
        // a holder or waiter is a consumer; the token itself may still be on its way back from
        // a release (the nack is asynchronous), so its absence alone does not mean "taken"
        if (isLocked()) {
            return Optional.empty();
        }
        return Optional.ofNullable(grant(TRY_GRACE, null));
    }

    /**
     * Whether some process holds or awaits the lock right now (a snapshot: it may change at once).
     */
    public boolean isLocked() {
        QueueInspector.QueueCounts counts = coordinator.inspector().inspect(tokenQueue, primitive);
        if (counts == null) {
            throw new CoordinationException(primitive + " does not exist (deleted?)");
        }
        return counts.consumers() > 0;
    }

    /**
     * How many leases the current thread holds on this reentrant lock through this coordinator (0
     * when it holds none, or its hold was lost).
     *
     * @throws IllegalStateException for a plain lock, which counts no holds
     */
    public int holdCount() {
        if (!options.isReentrant()) {
            throw new IllegalStateException(
                    primitive
                            + " is not reentrant, so it counts no holds: make it with"
                            + " DistributedLock.named(name, coordinator, LockOptions.reentrant())");
        }
        ReentrantHold hold =
                ReentrantHold.ofCurrentThread(coordinator.reentrantHolds(), tokenQueue);
        return hold == null ? 0 : hold.count();
    }

    /** Another lease on the current thread's hold of this reentrant lock; null if none. */
    private Lease joinHeld(Duration leaseTime) {
        if (!options.isReentrant()) {
            return null;
        }
        ReentrantHold hold =
                ReentrantHold.ofCurrentThread(coordinator.reentrantHolds(), tokenQueue);
        if (hold == null) {
            return null;
        }
        if (leaseTime != null) {
            throw new IllegalStateException(
                    primitive
                            + " is held by this thread already, and a nested acquisition cannot"
                            + " set a lease time (the outer acquisition's applies): call"
                            + " acquire(timeout) inside it");
        }
        hold.enter();
        return new Lease(this, hold);
    }

    private Lease grant(Duration timeout, Duration leaseTime) {
        Lease joined = joinHeld(leaseTime);
        if (joined != null) {
            return joined;
        }
        HeldToken token = TokenTaker.take(coordinator, tokenQueue, binding(), primitive, timeout);
        if (token == null) {
            return null;
        }
        long fencingToken;
        try {
            fencingToken = coordinator.sequencer().nextToken(sequencerQueue, counter, primitive);
        } catch (RuntimeException e) {
            token.release();
            throw e;
        }
        HoldWatch.start(
                coordinator,
                token,
                HoldSchedule.forLock(coordinator.consumerTimeout(), leaseTime),
                token.deliveredAtNanos(),
                () -> seals().seal(name, binding(), name, System.currentTimeMillis()));
        if (!options.isReentrant()) {
            return new Lease(this, token, fencingToken);
        }
        ReentrantHold hold =
                new ReentrantHold(
                        coordinator.reentrantHolds(), tokenQueue, token, fencingToken, primitive);
        hold.register();
        return new Lease(this, hold);
    }

    /**
     * Removes the lock from the broker; a current holder loses its lease. For tests and clean-up.
     */
    public void delete() {
        coordinator
                .connection()
                .deleteQueues(
                        primitive,
                        SyncNames.readyMarker(tokenQueue),
                        SyncNames.earlierReadyMarker(tokenQueue),
                        tokenQueue,
                        sequencerQueue);
    }

    @Override
    public String toString() {
        return "DistributedLock[" + name + "]";
    }
}
