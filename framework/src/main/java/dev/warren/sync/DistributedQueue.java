package dev.warren.sync;

import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed first-in first-out queue shared by every process connected to the broker: the Warren
 * answer to {@code multiprocessing.JoinableQueue}. Items are Kryo-encoded ({@code E} needs no
 * registration when it is a record, an enum, a sealed or a JDK type) and signed; a taker drops,
 * counts and logs anything that does not verify, and never returns it.
 *
 * <p>An item taken with {@code get} or {@code poll} stays <i>in hand</i> (an unacked delivery)
 * until {@link #taskDone()}: if the process dies or loses its connection first, the broker puts it
 * back in the queue for the next taker. Items are therefore processed at least once; {@link
 * #join()} returns once every item put has been taken and marked done. A bounded queue counts items
 * in hand against its bound, so the bound holds even when a taker dies.
 *
 * <p>On the broker: the durable queue {@code warren.sync.queue.<name>} with the items, {@code
 * ...#unfinished} with one marker per item not yet done, and, when bounded, {@code ...#slots} with
 * one free slot per unfinished item the bound still allows. A put and a taskDone are each one
 * transaction, so a crash half-way changes nothing.
 *
 * <pre>{@code
 * DistributedQueue<Job> jobs = coordinator.queue("jobs", Job.class, QueueOptions.bounded(100));
 * jobs.put(new Job("invoice-17"));               // waits while 100 are unfinished
 * Job job = jobs.get(Duration.ofSeconds(30));    // AcquireTimeoutException if none came
 * run(job);
 * jobs.taskDone();
 * jobs.join();                                   // every job put so far is done
 * }</pre>
 *
 * @param <E> the item type
 */
public final class DistributedQueue<E> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DistributedQueue.class);
    private static final Duration TRY_GRACE = Duration.ofMillis(250);

    private final QueueAddresses queue;
    private final Class<E> type;
    private final QueueOptions options;
    private final Coordinator coordinator;
    private final QueueMessages<E> messages;
    private final TxChannels channels;
    private final QueueTransactions<E> transactions;
    private final ItemsInHand<TakenMessage<E>> inHand;
    private volatile boolean closed;

    private DistributedQueue(
            QueueAddresses queue, Class<E> type, QueueOptions options, Coordinator coordinator) {
        this.queue = queue;
        this.type = type;
        this.options = options;
        this.coordinator = coordinator;
        this.messages = new QueueMessages<>(coordinator.sealer(), queue, type, coordinator.drops());
        this.channels = new TxChannels(coordinator.connection());
        this.transactions =
                new QueueTransactions<>(
                        coordinator.connection(),
                        queue,
                        messages,
                        channels,
                        options.capacity().isPresent());
        this.inHand = new ItemsInHand<>(queue.primitive());
    }

    static <E> DistributedQueue<E> open(
            Coordinator coordinator, String name, Class<E> type, QueueOptions options) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        coordinator.sealer().admitValue(type);
        QueueAddresses queue =
                QueueAddresses.of(coordinator.config().namespace(), SyncNames.check("queue", name));
        DistributedQueue<E> opened = new DistributedQueue<>(queue, type, options, coordinator);
        QueueDeclarations.declare(coordinator, queue, options);
        return opened;
    }

    public String name() {
        return queue.name();
    }

    /** The bound it was opened with; empty when unbounded. */
    public OptionalInt capacity() {
        return options.capacity();
    }

    /** Puts {@code item}, waiting as long as it takes while the queue is full. */
    public void put(E item) {
        transactions.put(seal(item), null);
    }

    /** Puts {@code item} if there is room right now; false when the queue is full. */
    public boolean offer(E item) {
        Envelope sealed = seal(item);
        if (options.capacity().isPresent() && readyIn(queue.slots()) <= 0) {
            return false;
        }
        return transactions.put(sealed, Deadline.in(TRY_GRACE));
    }

    /** Puts {@code item}, waiting up to {@code timeout} for room; false when there was none. */
    public boolean offer(E item, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return transactions.put(seal(item), Deadline.in(timeout));
    }

    /** Takes the next item, waiting as long as it takes; mark it done with {@link #taskDone()}. */
    public E get() {
        return take(null);
    }

    /**
     * Takes the next item, waiting up to {@code timeout}; mark it done with {@link #taskDone()}.
     *
     * @throws AcquireTimeoutException when no item came in time
     */
    public E get(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        E item = take(Deadline.in(timeout));
        if (item == null) {
            throw new AcquireTimeoutException(
                    queue.primitive()
                            + " had no item to take within "
                            + SyncFailures.humanize(timeout));
        }
        return item;
    }

    /** The next item if one is waiting right now; empty otherwise. */
    public Optional<E> poll() {
        if (size() <= 0) {
            checkOpen();
            return Optional.empty();
        }
        return Optional.ofNullable(take(Deadline.in(TRY_GRACE)));
    }

    /** The next item, waiting up to {@code timeout}; empty when none came. */
    public Optional<E> poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return Optional.ofNullable(take(Deadline.in(timeout)));
    }

    /**
     * Marks the oldest item this instance took and has not marked yet as done, like {@code
     * JoinableQueue.task_done()}. If that item was lost meanwhile (its connection died), it is
     * already back in the queue and will be taken again: this logs so and changes nothing.
     *
     * @throws IllegalStateException when called more often than items were taken here
     */
    public void taskDone() {
        TakenMessage<E> oldest = inHand.removeOldest();
        if (!transactions.done(oldest)) {
            log.warn(
                    "{}: an item was lost before taskDone() (its connection or channel closed); it"
                            + " is back in the queue and will be taken again",
                    queue.primitive());
        }
    }

    /** Waits until every item put has been taken and marked done, as long as it takes. */
    public void join() {
        QueueJoin.await(this::unfinishedCount, null, Deadline::pause);
    }

    /**
     * Waits up to {@code timeout} until every item put has been taken and marked done.
     *
     * @return true when they were, false when the time ran out first
     */
    public boolean join(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return QueueJoin.await(this::unfinishedCount, Deadline.in(timeout), Deadline::pause);
    }

    /** Items waiting in the queue right now, not counting those in hand (a snapshot). */
    public int size() {
        return (int) readyIn(queue.items());
    }

    /** Items put and not yet marked done, in every process: waiting or in hand (a snapshot). */
    public long unfinishedCount() {
        return readyIn(queue.unfinished());
    }

    /** Items this instance took and has not yet marked done. */
    public int inHandCount() {
        return inHand.size();
    }

    /** Gives every item in hand back to the queue and stops using this instance. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (TakenMessage<E> held : inHand.removeAll()) {
            SyncConnection.abortQuietly(held.channel()); // the broker puts the item back
        }
        channels.closeIdle();
    }

    /** Closes this instance and removes the queue, its items and markers from the broker. */
    public void delete() {
        close();
        coordinator.connection().deleteQueues(queue.primitive(), queue.all());
    }

    @Override
    public String toString() {
        return "DistributedQueue[" + queue.name() + ", " + options + "]";
    }

    private E take(Deadline deadline) {
        checkOpen();
        SyncConnection connection = coordinator.connection();
        TakenMessage<E> taken =
                AcrossLosses.run(
                        connection,
                        deadline,
                        () ->
                                TakenMessage.take(
                                        channels,
                                        connection,
                                        queue.primitive(),
                                        queue.items(),
                                        messages::openItem,
                                        deadline));
        if (taken == null) {
            return null;
        }
        inHand.add(taken);
        return taken.value();
    }

    private Envelope seal(E item) {
        checkOpen();
        Objects.requireNonNull(item, "item");
        return messages.item(item, System.currentTimeMillis());
    }

    private long readyIn(String brokerQueue) {
        long ready =
                AcrossLosses.run(
                        coordinator.connection(),
                        Deadline.in(Coordinator.CALL_WAIT),
                        () ->
                                coordinator
                                        .inspector()
                                        .readyMessages(brokerQueue, queue.primitive()));
        if (ready < 0) {
            throw new CoordinationException(queue.primitive() + " does not exist (deleted?)");
        }
        return ready;
    }

    private void checkOpen() {
        if (closed) {
            throw new CoordinationException(queue.primitive() + " is closed");
        }
    }
}
