package dev.warren.sync;

import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.wire.Envelope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to an {@link EventChannel} that outlives connections: when the coordinator's
 * connection is lost, its queue goes with it; once the coordinator has a new connection, a new
 * {@link EventSubscriber} binds a new queue, and the time in between is reported as a {@link
 * SubscriptionGap} (logged, counted, given to {@link #onGap} callbacks). The admission (the ids
 * seen, the subscription's start) carries over, so a replayed event stays refused.
 */
final class EventSubscription<E> implements EventChannel.Subscription {
    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    private final Coordinator coordinator;
    private final String primitive;
    private final String exchange;
    private final EventAdmission<E> admission;
    private final Consumer<? super E> handler;
    private final Consumer<EventSubscription<E>> onClose;
    private final Runnable resumeOnNewConnection = this::resume;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final List<Consumer<SubscriptionGap>> gapCallbacks = new CopyOnWriteArrayList<>();
    private final AtomicLong gaps = new AtomicLong();
    private volatile EventSubscriber<E> current;
    private volatile Instant lostAt; // set while there is no queue
    private volatile boolean closed;

    private EventSubscription(
            Coordinator coordinator,
            String primitive,
            String exchange,
            EventAdmission<E> admission,
            Consumer<? super E> handler,
            Consumer<EventSubscription<E>> onClose) {
        this.coordinator = coordinator;
        this.primitive = primitive;
        this.exchange = exchange;
        this.admission = admission;
        this.handler = handler;
        this.onClose = onClose;
    }

    static <E> EventSubscription<E> start(
            Coordinator coordinator,
            String primitive,
            String exchange,
            EventAdmission<E> admission,
            Consumer<? super E> handler,
            Consumer<EventSubscription<E>> onClose) {
        EventSubscription<E> subscription =
                new EventSubscription<>(
                        coordinator, primitive, exchange, admission, handler, onClose);
        subscription.current =
                EventSubscriber.start(coordinator.connection(), exchange, subscription, handler);
        coordinator.connection().listeners().add(subscription.resumeOnNewConnection);
        return subscription;
    }

    String primitive() {
        return primitive;
    }

    /** The event for the handler, or null (counted and logged) when it is refused. */
    E admit(Envelope envelope) {
        EventAdmission.Verdict<E> verdict = admission.admit(envelope, System.currentTimeMillis());
        if (verdict.admitted()) {
            received.incrementAndGet();
            return verdict.event();
        }
        dropped.incrementAndGet();
        coordinator.drops().drop(primitive, verdict.cause(), verdict.dropReason());
        return null;
    }

    /** The broker or the network took the consumer's channel. */
    void consumerLost(EventSubscriber<E> lost, ShutdownSignalException cause) {
        if (closed || lost != current) {
            return;
        }
        lostAt = Instant.now();
        log.warn(
                "{}: a subscription lost its queue ({}); it resumes when the coordinator is"
                        + " connected again, and events published meanwhile do not reach it",
                primitive,
                RabbitExceptions.describe(cause));
        if (coordinator.isOpen()) {
            // the channel alone was closed: the connection is fine, resume on it now
            coordinator.runCallback(this::resume);
        }
    }

    private synchronized void resume() {
        if (closed || current.isActive()) {
            return;
        }
        // the consumer may not have heard of its loss yet when the new connection is up
        Instant lost = lostAt != null ? lostAt : Instant.now();
        current = EventSubscriber.start(coordinator.connection(), exchange, this, handler);
        lostAt = null;
        SubscriptionGap gap = new SubscriptionGap(lost, Instant.now());
        gaps.incrementAndGet();
        log.warn(
                "{}: subscription resumed after {} ms; events published between {} and {} did"
                        + " not reach it",
                primitive,
                gap.length().toMillis(),
                gap.lost(),
                gap.resumed());
        for (Consumer<SubscriptionGap> callback : gapCallbacks) {
            coordinator.runCallback(() -> callback.accept(gap));
        }
    }

    @Override
    public long receivedCount() {
        return received.get();
    }

    @Override
    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public long gapCount() {
        return gaps.get();
    }

    @Override
    public void onGap(Consumer<SubscriptionGap> callback) {
        gapCallbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public boolean isActive() {
        return !closed && current.isActive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        coordinator.connection().listeners().remove(resumeOnNewConnection);
        onClose.accept(this);
        current.stop();
    }
}
