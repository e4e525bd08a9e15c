package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectedMessageException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag every process can set, clear and wait for, like {@code threading.Event}: {@link #await}
 * returns at once if the event is set, otherwise when some process calls {@link #set()}.
 *
 * <p>On the broker: the state is "the durable queue {@code warren.sync.event.<name>} (at most one
 * message) holds a flag signed for this event"; a reader takes the flag, checks it and puts it back
 * at once, and removes and counts anything that does not verify. Waiters are woken through the
 * fanout exchange {@code warren.sync.event.<name>#wake} by signed wake-ups. A waiter binds its wake
 * queue <i>before</i> checking the state, so a {@code set()} between the check and the wait is not
 * missed.
 *
 * <pre>{@code
 * DistributedEvent ready = DistributedEvent.named("model-loaded", coordinator);
 * // one process:                      // any number of others:
 * loadModel(); ready.set();            if (!ready.await(Duration.ofMinutes(2))) throw new IllegalStateException("no model");
 * }</pre>
 */
public final class DistributedEvent {
    private static final String KIND = "event";
    private static final int READ_TRIES = 4;
    private static final long READ_RETRY_MILLIS = 2;

    private final String name;
    private final String primitive;
    private final Coordinator coordinator;
    private final String stateQueue;
    private final String wakeExchange;
    private final EventFlag flag;

    private DistributedEvent(String name, Coordinator coordinator) {
        this.name = name;
        this.primitive = SyncNames.describe(KIND, name);
        this.coordinator = coordinator;
        this.stateQueue = SyncNames.base(coordinator.config().namespace(), KIND, name);
        this.wakeExchange = SyncNames.part(stateQueue, "wake");
        this.flag =
                new EventFlag(
                        coordinator.seals(),
                        stateQueue,
                        wakeExchange,
                        name,
                        coordinator.config().maxClockSkew());
    }

    /** The event called {@code name}, created (cleared) on the broker if it does not exist. */
    public static DistributedEvent named(String name, Coordinator coordinator) {
        Objects.requireNonNull(coordinator, "coordinator");
        DistributedEvent event = new DistributedEvent(SyncNames.check(KIND, name), coordinator);
        event.declare();
        return event;
    }

    private void declare() {
        Map<String, Object> args = coordinator.queueArguments().latestMessageOnly();
        coordinator
                .connection()
                .withChannel(
                        primitive,
                        "declare",
                        channel -> {
                            channel.queueDeclare(stateQueue, true, false, false, args);
                            channel.exchangeDeclare(wakeExchange, BuiltinExchangeType.FANOUT, true);
                            return null;
                        });
    }

    public String name() {
        return name;
    }

    /** Sets the flag (durably, confirmed) and then wakes every waiter. Idempotent. */
    public void set() {
        long now = System.currentTimeMillis();
        Envelope sealed = flag.flag(now);
        coordinator
                .publisher()
                .publish(
                        primitive,
                        "",
                        stateQueue,
                        AmqpMessages.properties(sealed, true),
                        sealed.body());
        Envelope wake = flag.wake(now);
        coordinator
                .connection()
                .withChannel(
                        primitive,
                        "wake waiters",
                        channel -> {
                            channel.basicPublish(
                                    wakeExchange,
                                    "",
                                    AmqpMessages.properties(wake, false),
                                    wake.body());
                            return null;
                        });
    }

    /** Clears the flag: later {@link #await} calls wait for the next {@link #set()}. */
    public void clear() {
        coordinator
                .connection()
                .withChannel(primitive, "clear", channel -> channel.queuePurge(stateQueue));
    }

    /** Whether a genuine flag is in the state queue; anything else found there is removed. */
    public boolean isSet() {
        long ready = coordinator.inspector().readyMessages(stateQueue, primitive);
        if (ready < 0) {
            throw new CoordinationException(primitive + " does not exist (deleted?)");
        }
        if (ready == 0) {
            return false;
        }
        return coordinator.connection().withChannel(primitive, "read the flag", this::readFlag);
    }

    /**
     * Takes the flag, checks it and puts it back. Finding nothing after the count said there was
     * something means another reader holds it this very moment: look again a few times.
     */
    private boolean readFlag(Channel channel) throws IOException {
        for (int tries = 0; tries < READ_TRIES; ) {
            GetResponse got = channel.basicGet(stateQueue, false);
            if (got == null) {
                tries++;
                Deadline.pause(READ_RETRY_MILLIS << tries);
                continue;
            }
            long tag = got.getEnvelope().getDeliveryTag();
            try {
                flag.openFlag(AmqpMessages.envelope(got.getProps(), got.getBody()));
                channel.basicReject(tag, true);
                return true;
            } catch (RejectedMessageException e) {
                channel.basicAck(tag, false);
                coordinator.drops().drop(primitive, e.reason().name(), e.getMessage());
            }
        }
        return false;
    }

    /**
     * Waits until the event is set or {@code timeout} passes; returns whether it was set (so false
     * means the time ran out), like {@code threading.Event.wait}: true when it was set at the start
     * or a genuine wake-up came meanwhile (even if someone cleared it again since).
     */
    public boolean await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Deadline deadline = Deadline.in(timeout);
        long waitingSince = System.currentTimeMillis();
        while (true) {
            Boolean set =
                    AcrossLosses.run(
                            coordinator.connection(),
                            deadline,
                            () -> awaitOnThisConnection(deadline, waitingSince));
            if (set != null) {
                return set;
            }
            if (deadline.hasPassed()) {
                return false;
            }
        }
    }

    /** Whether it was set, or null when the connection went before the wait ended. */
    private Boolean awaitOnThisConnection(Deadline deadline, long waitingSince) {
        Channel channel = coordinator.connection().openChannel(primitive, "wait", deadline);
        try {
            Semaphore woken = new Semaphore(0);
            AtomicBoolean cut = new AtomicBoolean();
            channel.addShutdownListener(
                    sig -> {
                        if (!sig.isInitiatedByApplication()) {
                            cut.set(true);
                            woken.release();
                        }
                    });
            String wakeQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(wakeQueue, wakeExchange, "");
            channel.basicConsume(
                    wakeQueue,
                    true,
                    (tag, delivery) -> {
                        if (genuineWake(
                                delivery.getProperties(), delivery.getBody(), waitingSince)) {
                            woken.release();
                        }
                    },
                    tag -> {});
            if (isSet()) {
                return true;
            }
            long left = deadline.nanosLeft();
            boolean wakeUp = left > 0 && woken.tryAcquire(left, TimeUnit.NANOSECONDS);
            if (cut.get()) {
                return null; // a set() meanwhile went to a queue that is gone: wait again
            }
            return wakeUp || isSet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while waiting");
        } catch (Exception e) {
            throw SyncFailures.translate(primitive, "wait", coordinator.broker(), e);
        } finally {
            SyncConnection.closeQuietly(channel); // the wake queue is auto-delete: it goes too
        }
    }

    private boolean genuineWake(AMQP.BasicProperties properties, byte[] body, long waitingSince) {
        try {
            flag.openWake(
                    AmqpMessages.envelope(properties, body),
                    waitingSince,
                    System.currentTimeMillis());
            return true;
        } catch (RejectedMessageException e) {
            coordinator.drops().drop(primitive, e.reason().name(), e.getMessage());
            return false;
        }
    }

    /** Removes the event from the broker. */
    public void delete() {
        coordinator.connection().deleteQueues(primitive, stateQueue);
        coordinator.connection().deleteExchanges(primitive, wakeExchange);
    }

    @Override
    public String toString() {
        return "DistributedEvent[" + name + "]";
    }
}
