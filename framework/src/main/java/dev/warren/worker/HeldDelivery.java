package dev.warren.worker;

import dev.warren.internal.replay.TakenKey;
import dev.warren.internal.transport.Delivery;
import dev.warren.internal.wire.Envelope;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A delivery on its way through the pipeline: once admission took it for this worker, settling it
 * tells the fleet whether it is done or given back.
 */
final class HeldDelivery implements Delivery {
    private final Delivery delivery;
    private final ReplayCheck replays;
    private final String queue;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile TakenKey taken;

    HeldDelivery(Delivery delivery, ReplayCheck replays, String queue) {
        this.delivery = delivery;
        this.replays = replays;
        this.queue = queue;
    }

    /** Admission took it: from now on its settlement is the fleet's business. */
    void taken(TakenKey key) {
        this.taken = key;
    }

    /** Whether admission let it in: what the worker does with it from now on concerns a task. */
    boolean isTaken() {
        return taken != null;
    }

    @Override
    public Envelope envelope() {
        return delivery.envelope();
    }

    @Override
    public String queue() {
        return delivery.queue();
    }

    @Override
    public boolean redelivered() {
        return delivery.redelivered();
    }

    @Override
    public void ack() {
        delivery.ack();
        tell(false);
    }

    @Override
    public void requeue() {
        delivery.requeue();
        tell(true);
    }

    @Override
    public void discard() {
        delivery.discard();
        tell(false);
    }

    private void tell(boolean givenBack) {
        TakenKey key = taken;
        if (key != null && settled.compareAndSet(false, true)) {
            replays.settled(queue, key, givenBack);
        }
    }
}
