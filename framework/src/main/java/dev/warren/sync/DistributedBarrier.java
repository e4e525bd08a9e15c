package dev.warren.sync;

import com.rabbitmq.client.BuiltinExchangeType;
import dev.warren.ConfigurationException;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.Connections;
import dev.warren.internal.wire.Envelope;
import dev.warren.sync.BarrierRules.Kind;
import dev.warren.sync.BarrierRules.Step;
import dev.warren.sync.BarrierRules.Verdict;
import dev.warren.sync.BarrierWire.News;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A cyclic barrier across processes and hosts, like {@code multiprocessing.Barrier} or {@link
 * java.util.concurrent.CyclicBarrier}: {@link #await} returns once {@link #parties()} parties have
 * arrived, then the barrier is ready for the next generation. A generation breaks, for every party
 * waiting in it, when one's wait times out, when a party that has arrived dies or loses its
 * connection before the trip (a killed process is noticed at once, a frozen one after about three
 * heartbeats), or on {@link #reset()}; each then gets a {@link BrokenBarrierException} saying why.
 *
 * <p>On the broker: the state queue {@code warren.sync.barrier.<name>} holds one signed state (the
 * parties, the generation and its arrivals), read and written in one transaction, so parties agree
 * on the order of arrivals and a generation trips only with all its parties in it. Trips and breaks
 * reach the waiters through the fanout exchange {@code warren.sync.barrier.<name>#news}. A waiter
 * holds a signed presence notice unacked in a queue that dead-letters it to that exchange when the
 * waiter's connection dies. Whatever does not verify is dropped and counted.
 *
 * <pre>{@code
 * DistributedBarrier epoch = coordinator.barrier("epoch", 4);
 * for (int round = 0; round < 10; round++) {
 *     train(round);
 *     int index = epoch.await(Duration.ofMinutes(5));   // 0 for the last to arrive
 *     if (index == 0) log.info("round {} done everywhere", round);
 * }
 * }</pre>
 */
public final class DistributedBarrier {
    private static final String KIND = "barrier";
    private static final int MOST_PARTIES = 1_000;

    private final String name;
    private final int parties;
    private final String primitive;
    private final Coordinator coordinator;
    private final String stateQueue;
    private final String newsExchange;
    private final BarrierMessages messages;
    private final BarrierStore store;
    private final String host = Connections.processIdentity();
    private String incarnation;

    private DistributedBarrier(String name, int parties, Coordinator coordinator) {
        this.name = name;
        this.parties = parties;
        this.primitive = SyncNames.describe(KIND, name);
        this.coordinator = coordinator;
        this.stateQueue = SyncNames.base(coordinator.config().namespace(), KIND, name);
        this.newsExchange = SyncNames.part(stateQueue, "news");
        this.messages =
                new BarrierMessages(
                        coordinator.seals(),
                        coordinator.drops(),
                        primitive,
                        name,
                        stateQueue,
                        newsExchange);
        this.store = new BarrierStore(coordinator.connection(), messages, stateQueue, primitive);
    }

    /**
     * The barrier called {@code name} for {@code parties} parties, created on the broker by the
     * first process that asks. Same as {@link Coordinator#barrier(String, int)}.
     *
     * @throws ConfigurationException when the barrier exists for another number of parties
     */
    public static DistributedBarrier named(String name, int parties, Coordinator coordinator) {
        Objects.requireNonNull(coordinator, "coordinator");
        SyncNames.check(KIND, name);
        if (parties < 1 || parties > MOST_PARTIES) {
            throw new ConfigurationException(
                    "barrier '" + name + "' needs 1-" + MOST_PARTIES + " parties, was " + parties);
        }
        DistributedBarrier barrier = new DistributedBarrier(name, parties, coordinator);
        barrier.initialize();
        return barrier;
    }

    private void initialize() {
        coordinator
                .initializer()
                .ensureInitialized(
                        stateQueue,
                        primitive,
                        channel -> {
                            channel.queueDeclare(
                                    stateQueue,
                                    true,
                                    false,
                                    false,
                                    coordinator.queueArguments().plain());
                            channel.exchangeDeclare(newsExchange, BuiltinExchangeType.FANOUT, true);
                            channel.queuePurge(stateQueue);
                            Envelope sealed =
                                    messages.state(
                                            BarrierRules.initial(
                                                    UUID.randomUUID().toString(), parties),
                                            System.currentTimeMillis());
                            channel.basicPublish(
                                    "",
                                    stateQueue,
                                    AmqpMessages.properties(sealed, true),
                                    sealed.body());
                            return null;
                        });
        incarnation = readAcrossLosses(this::readChecked).incarnation();
    }

    private Step readChecked(BarrierWire.State s) {
        BarrierRules.checkParties(s, parties, primitive);
        return BarrierRules.read(s);
    }

    public String name() {
        return name;
    }

    /** How many parties must arrive to trip the barrier. */
    public int parties() {
        return parties;
    }

    /**
     * Waits until all parties have arrived; returns this party's arrival index: {@code parties() -
     * 1} for the first to arrive, 0 for the last.
     *
     * @throws BrokenBarrierException when the generation broke before it tripped, or was broken
     *     already when this party arrived
     * @throws ConfigurationException when the barrier on the broker has another number of parties
     */
    public int await() {
        return awaitUntil(null, null);
    }

    /**
     * As {@link #await()}, giving up after {@code timeout}: then the generation breaks for every
     * party waiting in it (this one included), unless it tripped first.
     */
    public int await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return awaitUntil(Deadline.in(timeout), timeout);
    }

    private int awaitUntil(Deadline deadline, Duration timeout) {
        String party = UUID.randomUUID().toString();
        News notice = new News(BarrierWire.GONE, incarnation, -1, party, host, "");
        String presenceQueue = SyncNames.part(stateQueue, "party." + party);
        BarrierParty here =
                BarrierParty.join(
                        coordinator, messages, primitive, newsExchange, presenceQueue, notice);
        long generation = -1;
        try {
            Verdict arrived = write(s -> BarrierRules.arrive(s, parties, party, host, primitive));
            if (arrived.kind() != Kind.WAITING) {
                here.leave(true);
                return conclude(arrived, arrived.index());
            }
            generation = arrived.generation();
            int index =
                    new BarrierWait(this, here, generation, arrived.index())
                            .until(deadline, timeout);
            here.leave(true);
            return index;
        } catch (BrokenBarrierException e) {
            here.leave(true);
            throw e;
        } catch (RuntimeException e) {
            BarrierWait.abandon(this, here, generation, e);
            throw e;
        }
    }

    /** Reads the state; a read cut by a lost connection is made again on the next one. */
    private BarrierWire.State readAcrossLosses(Function<BarrierWire.State, Step> read) {
        return AcrossLosses.run(
                coordinator.connection(),
                Deadline.in(Coordinator.CALL_WAIT),
                () -> store.update(read).next());
    }

    /** Writes the state, tells the waiters when the write tripped or broke the generation. */
    Verdict write(Function<BarrierWire.State, Step> rule) {
        Step step = store.update(rule);
        if (!step.next().incarnation().equals(incarnation)) {
            throw new CoordinationException(
                    primitive
                            + " was deleted and made again since this object was made: ask the"
                            + " coordinator for it again");
        }
        Verdict verdict = step.verdict();
        if (verdict.tellWaiters()) {
            String kind = verdict.kind() == Kind.TRIPPED ? BarrierWire.TRIPPED : BarrierWire.BROKEN;
            String reason = verdict.reason() == null ? "" : verdict.reason();
            Envelope sealed =
                    messages.news(
                            new News(kind, incarnation, verdict.generation(), "", host, reason),
                            System.currentTimeMillis());
            coordinator
                    .publisher()
                    .publish(
                            primitive,
                            newsExchange,
                            "",
                            AmqpMessages.properties(sealed, false),
                            sealed.body());
        }
        return verdict;
    }

    /** The party's index once tripped; the exception once broken. */
    int conclude(Verdict verdict, int index) {
        return switch (verdict.kind()) {
            case TRIPPED -> index;
            case BROKEN, UNKNOWN -> throw broken(verdict.reason());
            case WAITING -> throw new IllegalStateException("still waiting: " + verdict);
        };
    }

    BrokenBarrierException broken(String reason) {
        return new BrokenBarrierException(
                primitive + " is broken: " + reason + "; reset() it to use it again");
    }

    String primitive() {
        return primitive;
    }

    String host() {
        return host;
    }

    /**
     * Whether the current generation is broken (read from the broker). A broken barrier refuses
     * every arrival until {@link #reset()}.
     */
    public boolean isBroken() {
        return readAcrossLosses(BarrierRules::read).brokenReason() != null;
    }

    /** How many parties wait in the current generation right now (read from the broker). */
    public int numberWaiting() {
        BarrierWire.State s = readAcrossLosses(BarrierRules::read);
        return s.brokenReason() == null ? s.arrivals().length : 0;
    }

    /**
     * Breaks the current generation for every party waiting in it (each gets a {@link
     * BrokenBarrierException}) and opens a fresh one; clears a broken barrier.
     */
    public void reset() {
        write(s -> BarrierRules.reset(s, "it was reset by " + host));
    }

    /** Removes the barrier from the broker; waiters are left to their timeouts. */
    public void delete() {
        coordinator
                .connection()
                .deleteQueues(
                        primitive,
                        SyncNames.readyMarker(stateQueue),
                        SyncNames.earlierReadyMarker(stateQueue),
                        stateQueue);
        coordinator.connection().deleteExchanges(primitive, newsExchange);
    }

    @Override
    public String toString() {
        return "DistributedBarrier[" + name + ", " + parties + " parties]";
    }
}
