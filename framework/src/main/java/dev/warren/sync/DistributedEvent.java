package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A flag every process can set, clear and wait for, like {@code threading.Event}: {@link #await}
 * returns at once if the event is set, otherwise when some process calls {@link #set()}.
 *
 * <p>On the broker: the state is "the durable queue {@code warren.sync.event.<name>} (at most one
 * message) holds a message", read without taking it; waiters are woken through the fanout exchange
 * {@code warren.sync.event.<name>#wake}. A waiter binds its wake queue <i>before</i> checking the
 * state, so a {@code set()} between the check and the wait is not missed.
 *
 * <pre>{@code
 * DistributedEvent ready = DistributedEvent.named("model-loaded", coordinator);
 * // one process:                      // any number of others:
 * loadModel(); ready.set();            if (!ready.await(Duration.ofMinutes(2))) throw new IllegalStateException("no model");
 * }</pre>
 */
public final class DistributedEvent {
    private static final String KIND = "event";
    private static final byte[] SET = "set".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final String primitive;
    private final Coordinator coordinator;
    private final String stateQueue;
    private final String wakeExchange;

    private DistributedEvent(String name, Coordinator coordinator) {
        this.name = name;
        this.primitive = SyncNames.describe(KIND, name);
        this.coordinator = coordinator;
        this.stateQueue = SyncNames.base(KIND, name);
        this.wakeExchange = SyncNames.part(stateQueue, "wake");
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
        coordinator
                .publisher()
                .publish(primitive, "", stateQueue, MessageProperties.PERSISTENT_BASIC, SET);
        coordinator
                .connection()
                .withChannel(
                        primitive,
                        "wake waiters",
                        channel -> {
                            channel.basicPublish(wakeExchange, "", new AMQP.BasicProperties(), SET);
                            return null;
                        });
    }

    /** Clears the flag: later {@link #await} calls wait for the next {@link #set()}. */
    public void clear() {
        coordinator
                .connection()
                .withChannel(primitive, "clear", channel -> channel.queuePurge(stateQueue));
    }

    public boolean isSet() {
        long ready = coordinator.inspector().readyMessages(stateQueue, primitive);
        if (ready < 0) {
            throw new CoordinationException(primitive + " does not exist (deleted?)");
        }
        return ready > 0;
    }

    /**
     * Waits until the event is set or {@code timeout} passes; returns whether it is set (so false
     * means the time ran out), like {@code threading.Event.wait}.
     */
    public boolean await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Deadline deadline = Deadline.in(timeout);
        Channel channel = coordinator.connection().openChannel(primitive, "wait");
        try {
            Semaphore wakes = new Semaphore(0);
            String wakeQueue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(wakeQueue, wakeExchange, "");
            channel.basicConsume(wakeQueue, true, (tag, delivery) -> wakes.release(), tag -> {});
            while (true) {
                if (isSet()) {
                    return true;
                }
                long left = deadline.nanosLeft();
                if (left <= 0 || !wakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return isSet();
                }
                wakes.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while waiting");
        } catch (Exception e) {
            throw SyncFailures.translate(primitive, "wait", coordinator.broker(), e);
        } finally {
            SyncConnection.closeQuietly(channel); // the wake queue is auto-delete: it goes too
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
