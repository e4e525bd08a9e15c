package dev.warren.worker;

import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.wire.Envelope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The worker's {@link WorkerPort} on a real broker. */
final class BrokerWorkerPort implements WorkerPort {
    private final BrokerLink broker;

    BrokerWorkerPort(BrokerLink broker) {
        this.broker = broker;
    }

    @Override
    public CompletableFuture<Void> publish(
            String brokerQueue, Envelope envelope, boolean mandatory) {
        return broker.publish(brokerQueue, envelope, mandatory);
    }

    /**
     * Declares the exchange first, every time: publishing to an exchange that someone deleted is a
     * channel error, and the publisher would send the notice again and again. Notices are rare.
     */
    @Override
    public CompletableFuture<Void> publishNotice(String replyQueue, Envelope notice) {
        broker.topology().declareNotices();
        return broker.publishToExchange(broker.names().notices(), replyQueue, notice);
    }

    @Override
    public void declareDelayQueue(String queue, Duration delay) {
        broker.topology().declareDelayQueue(queue, delay);
    }
}
