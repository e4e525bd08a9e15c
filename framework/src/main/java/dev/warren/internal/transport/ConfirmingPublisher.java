package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.BrokerUnavailableException;
import dev.warren.PublishFailedException;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes on one channel with asynchronous publisher confirms and a bounded window of unconfirmed
 * messages. A message is done when the broker confirms it; messages unconfirmed when the connection
 * drops are published again once it recovers, so none is lost (at least once: the broker may then
 * hold it twice).
 */
final class ConfirmingPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);

    private final Connection connection;
    private final String broker;
    private final PublishWindow window;
    private final PublishCircuit circuit;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConfirmTracker<Pending> confirms = new ConfirmTracker<>();
    private final List<Pending> awaitingRecovery = new ArrayList<>(); // guarded by lock
    private volatile boolean closed;
    private Channel channel; // guarded by lock
    // guarded by lock: closed by a channel error, which automatic recovery does not reopen
    private boolean channelBroken;

    private record Pending(
            String exchange,
            String routingKey,
            boolean mandatory,
            AMQP.BasicProperties properties,
            byte[] body,
            CompletableFuture<Void> future)
            implements ConfirmTracker.Tracked {

        @Override
        public String messageId() {
            return properties.getMessageId();
        }

        @Override
        public void confirmed() {
            future.complete(null);
        }

        @Override
        public void failed(RuntimeException why) {
            future.completeExceptionally(why);
        }
    }

    ConfirmingPublisher(Connection connection, String broker, int windowSize, Duration timeout)
            throws IOException {
        this.connection = connection;
        this.broker = broker;
        this.window = new PublishWindow(windowSize, timeout, broker);
        this.circuit = PublishCircuit.on(connection, broker);
        connection.addBlockedListener(
                reason -> {
                    window.blocked(reason);
                    log.warn("RabbitMQ at {} blocks publishers: {}", broker, reason);
                },
                () -> {
                    window.unblocked();
                    log.info("RabbitMQ at {} accepts publishers again", broker);
                });
        lock.lock();
        try {
            this.channel = openChannel();
        } finally {
            lock.unlock();
        }
    }

    private Channel openChannel() throws IOException {
        Channel ch = connection.createChannel();
        ch.confirmSelect();
        ch.addConfirmListener(confirms::acked, confirms::nacked);
        ch.addReturnListener(
                r ->
                        confirms.returned(
                                r.getProperties().getMessageId(),
                                "no queue '" + r.getRoutingKey() + "' (" + r.getReplyText() + ")"));
        ch.addShutdownListener(this::onShutdown);
        if (ch instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(
                    new RecoveryListener() {
                        @Override
                        public void handleRecovery(Recoverable recovered) {
                            republish();
                        }

                        @Override
                        public void handleRecoveryStarted(Recoverable recovering) {}
                    });
        }
        return ch;
    }

    /** Publishes to a queue through the default exchange; the future completes when confirmed. */
    CompletableFuture<Void> publish(String queue, Envelope envelope, boolean mandatory) {
        return publish("", queue, envelope, mandatory);
    }

    /** Publishes through {@code exchange}, which must exist; completes when confirmed. */
    CompletableFuture<Void> publish(
            String exchange, String queue, Envelope envelope, boolean mandatory) {
        if (closed) {
            throw new PublishFailedException(
                    "cannot publish to " + queue + ": the broker connection is closed");
        }
        long admittedAt = circuit.admit(queue);
        try {
            window.enter(queue);
        } catch (RuntimeException e) {
            circuit.failed(admittedAt, e);
            throw e;
        }
        Pending pending =
                new Pending(
                        exchange,
                        queue,
                        mandatory,
                        AmqpMessages.properties(envelope),
                        envelope.body(),
                        new CompletableFuture<>());
        pending.future()
                .whenComplete(
                        (ok, error) -> {
                            window.leave();
                            if (error == null) {
                                circuit.succeeded(admittedAt);
                            } else {
                                circuit.failed(admittedAt, error);
                            }
                        });
        lock.lock();
        try {
            send(pending);
        } finally {
            lock.unlock();
        }
        return pending.future();
    }

    private BrokerUnavailableException closedBeforeConfirm() {
        return new BrokerUnavailableException(
                "the connection to " + broker + " was closed before the broker confirmed",
                BrokerUnavailableException.Problem.CONNECTION_CLOSED,
                null);
    }

    /** Lock held. */
    private void send(Pending pending) {
        if (closed) {
            pending.future().completeExceptionally(closedBeforeConfirm());
            return;
        }
        if (channelBroken && connection.isOpen()) {
            try {
                channel = openChannel();
                channelBroken = false;
            } catch (IOException | AlreadyClosedException e) {
                awaitingRecovery.add(pending);
                return;
            }
        }
        if (!channel.isOpen()) {
            awaitingRecovery.add(pending);
            return;
        }
        long seq = channel.getNextPublishSeqNo();
        confirms.published(seq, pending);
        try {
            channel.basicPublish(
                    pending.exchange(),
                    pending.routingKey(),
                    pending.mandatory(),
                    pending.properties(),
                    pending.body());
        } catch (IOException | AlreadyClosedException e) {
            if (confirms.unsent(seq)) {
                awaitingRecovery.add(pending);
            }
        }
    }

    private void onShutdown(ShutdownSignalException cause) {
        lock.lock();
        try {
            List<Pending> unconfirmed = confirms.takeUnconfirmed();
            awaitingRecovery.addAll(0, unconfirmed);
            if (cause.isInitiatedByApplication()) {
                return;
            }
            if (!cause.isHardError()) {
                channelBroken =
                        true; // a channel error: automatic recovery will not reopen this channel
                log.warn(
                        "publishing channel closed by RabbitMQ ({}); {} unconfirmed messages will be sent again",
                        RabbitExceptions.describe(cause),
                        unconfirmed.size());
            } else if (!unconfirmed.isEmpty()) {
                log.warn(
                        "connection to {} lost with {} unconfirmed messages; they will be sent again after"
                                + " recovery",
                        broker,
                        unconfirmed.size());
            }
        } finally {
            lock.unlock();
        }
        if (!cause.isHardError() && !cause.isInitiatedByApplication()) {
            republish();
        }
    }

    private void republish() {
        lock.lock();
        try {
            if (awaitingRecovery.isEmpty()) {
                return;
            }
            List<Pending> again = new ArrayList<>(awaitingRecovery);
            awaitingRecovery.clear();
            log.info("publishing {} unconfirmed messages again to {}", again.size(), broker);
            for (Pending pending : again) {
                send(pending);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every message handed over so far is confirmed or failed, or the timeout passes.
     */
    boolean awaitConfirms(Duration wait) {
        return window.awaitEmpty(wait);
    }

    int unconfirmed() {
        return window.occupied();
    }

    @Override
    public void close() {
        closed = true;
        List<Pending> abandoned = new ArrayList<>();
        lock.lock();
        try {
            abandoned.addAll(confirms.takeUnconfirmed());
            abandoned.addAll(awaitingRecovery);
            awaitingRecovery.clear();
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (IOException
                    | java.util.concurrent.TimeoutException
                    | AlreadyClosedException e) {
                log.debug("closing the publishing channel: {}", e.toString());
            }
        } finally {
            lock.unlock();
        }
        for (Pending pending : abandoned) {
            pending.future().completeExceptionally(closedBeforeConfirm());
        }
    }
}
