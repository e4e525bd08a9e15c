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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final Duration timeout;
    private final int windowSize;
    private final Semaphore window;
    private final PublishCircuit circuit;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentNavigableMap<Long, Pending> outstanding = new ConcurrentSkipListMap<>();
    private final List<Pending> awaitingRecovery = new ArrayList<>(); // guarded by lock
    private final Map<String, String> returned = new ConcurrentHashMap<>();
    private final Object blockMonitor = new Object();
    private volatile String blockedReason;
    private volatile boolean closed;
    private Channel channel; // guarded by lock
    private boolean
            channelBroken; // guarded by lock: closed by a channel error, not a connection loss

    private record Pending(
            String routingKey,
            boolean mandatory,
            AMQP.BasicProperties properties,
            byte[] body,
            CompletableFuture<Void> future) {}

    ConfirmingPublisher(Connection connection, String broker, int windowSize, Duration timeout)
            throws IOException {
        this.connection = connection;
        this.broker = broker;
        this.timeout = timeout;
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
        this.circuit = new PublishCircuit(connection, broker);
        connection.addBlockedListener(
                reason -> {
                    blockedReason = reason;
                    log.warn("RabbitMQ at {} blocks publishers: {}", broker, reason);
                },
                () -> {
                    blockedReason = null;
                    synchronized (blockMonitor) {
                        blockMonitor.notifyAll();
                    }
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
        ch.addConfirmListener(
                (seq, multiple) -> settle(seq, multiple, null),
                (seq, multiple) ->
                        settle(
                                seq,
                                multiple,
                                "RabbitMQ refused the message (nack): an internal error on the broker"));
        ch.addReturnListener(
                r ->
                        returned.put(
                                String.valueOf(r.getProperties().getMessageId()),
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
        if (closed) {
            throw new PublishFailedException(
                    "cannot publish to " + queue + ": the broker connection is closed");
        }
        long admittedAt = circuit.admit(queue);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            acquireWindow(queue);
        } catch (RuntimeException e) {
            circuit.failed(admittedAt, e);
            throw e;
        }
        try {
            awaitUnblocked(queue, deadline);
        } catch (RuntimeException e) {
            window.release();
            circuit.failed(admittedAt, e);
            throw e;
        }
        Pending pending =
                new Pending(
                        queue,
                        mandatory,
                        AmqpMessages.properties(envelope),
                        envelope.body(),
                        new CompletableFuture<>());
        pending.future()
                .whenComplete(
                        (ok, error) -> {
                            window.release();
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

    private void acquireWindow(String queue) {
        try {
            if (!window.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BrokerUnavailableException(
                        "cannot publish to "
                                + queue
                                + ": "
                                + windowSize
                                + " messages stayed unconfirmed for "
                                + timeout.toSeconds()
                                + "s (publishTimeout); RabbitMQ at "
                                + broker
                                + " is overloaded or unreachable",
                        BrokerUnavailableException.Problem.OVERLOADED,
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting to publish to " + queue, e);
        }
    }

    private void awaitUnblocked(String queue, long deadline) {
        synchronized (blockMonitor) {
            while (blockedReason != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new PublishFailedException(
                            "cannot publish to "
                                    + queue
                                    + ": RabbitMQ at "
                                    + broker
                                    + " has blocked publishers for longer than publishTimeout ("
                                    + blockedReason
                                    + ")");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(blockMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PublishFailedException(
                            "interrupted while waiting to publish to " + queue, e);
                }
            }
        }
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
        outstanding.put(seq, pending);
        try {
            channel.basicPublish(
                    "",
                    pending.routingKey(),
                    pending.mandatory(),
                    pending.properties(),
                    pending.body());
        } catch (IOException | AlreadyClosedException e) {
            if (outstanding.remove(seq) != null) {
                awaitingRecovery.add(pending);
            }
        }
    }

    private void settle(long seq, boolean multiple, String refusal) {
        if (multiple) {
            ConcurrentNavigableMap<Long, Pending> head = outstanding.headMap(seq, true);
            for (Pending pending : head.values()) {
                complete(pending, refusal);
            }
            head.clear();
        } else {
            Pending pending = outstanding.remove(seq);
            if (pending != null) {
                complete(pending, refusal);
            }
        }
    }

    private void complete(Pending pending, String refusal) {
        String unroutable =
                pending.mandatory()
                        ? returned.remove(String.valueOf(pending.properties().getMessageId()))
                        : null;
        if (refusal != null) {
            pending.future().completeExceptionally(new PublishFailedException(refusal));
        } else if (unroutable != null) {
            pending.future()
                    .completeExceptionally(new PublishFailedException("unroutable: " + unroutable));
        } else {
            pending.future().complete(null);
        }
    }

    private void onShutdown(ShutdownSignalException cause) {
        lock.lock();
        try {
            List<Pending> unconfirmed = new ArrayList<>(outstanding.values());
            outstanding.clear();
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
        try {
            if (window.tryAcquire(windowSize, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                window.release(windowSize);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int unconfirmed() {
        return windowSize - window.availablePermits();
    }

    @Override
    public void close() {
        closed = true;
        List<Pending> abandoned = new ArrayList<>();
        lock.lock();
        try {
            abandoned.addAll(outstanding.values());
            outstanding.clear();
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
