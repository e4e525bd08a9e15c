package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.retry.Backoff;
import dev.warren.internal.transport.RabbitExceptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's link to the broker as a source of channels. Each connection made for it has
 * automatic recovery off; when one is lost, a {@link Reconnector} makes a <i>new</i> one, so
 * nothing held on the old one (a lease, a permit, a consumer) comes back by itself: every channel
 * of the old connection stays dead, and its holders learn they lost what they held. Primitives that
 * keep something running (a map's owner candidacy, a subscription) start it again from {@link
 * RecoveryListeners} once the new connection is up. Every failure to open or use a channel becomes
 * a {@link CoordinationException} naming the primitive.
 */
final class SyncConnection {
    private static final Logger log = LoggerFactory.getLogger(SyncConnection.class);
    private static final int CLOSE_TIMEOUT_MILLIS = 5000;

    private final String broker;
    private final Duration callWait;
    private final Reconnector reconnector;
    private final RecoveryListeners listeners;
    private final Object lock = new Object();
    private Connection current; // guarded by lock
    private long generation; // guarded by lock; +1 per new connection
    private volatile boolean closed;

    /** Work on a channel, which may fail the way RabbitMQ's client fails. */
    interface ChannelWork<T> {
        T run(Channel channel) throws IOException, InterruptedException, TimeoutException;
    }

    /**
     * @param first the connection just opened
     * @param reopen one attempt to open a replacement (throws if the broker is unreachable)
     * @param callWait how long a call made while reconnecting waits for the new connection
     */
    SyncConnection(
            Connection first,
            Supplier<Connection> reopen,
            String broker,
            Backoff backoff,
            Duration callWait,
            RecoveryListeners listeners) {
        this.broker = broker;
        this.callWait = callWait;
        this.listeners = listeners;
        this.reconnector = new Reconnector(reopen, backoff, broker, this::replace, () -> closed);
        this.current = first;
        watch(first);
    }

    private void watch(Connection connection) {
        connection.addShutdownListener(cause -> lost(connection, cause));
    }

    private void lost(Connection connection, ShutdownSignalException cause) {
        synchronized (lock) {
            if (closed || connection != current) {
                return;
            }
        }
        log.warn(
                "coordinator lost its connection to {} ({}); every lease and permit taken"
                        + " through it is lost; reconnecting",
                broker,
                RabbitExceptions.describe(cause));
        reconnector.start();
    }

    /** Called by the reconnector with the new connection. */
    private void replace(Connection fresh) {
        synchronized (lock) {
            if (closed) {
                closeQuietly(fresh);
                return;
            }
            current = fresh;
            generation++;
            lock.notifyAll();
        }
        watch(fresh);
        listeners.fire();
    }

    /** The broker's address for messages, without the password. */
    String broker() {
        return broker;
    }

    Duration heartbeat() {
        synchronized (lock) {
            return Duration.ofSeconds(current.getHeartbeat());
        }
    }

    /** Open, and not reconnecting. */
    boolean isOpen() {
        synchronized (lock) {
            return !closed && current.isOpen();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Grows by one with each new connection: what was made on an earlier one is gone. */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * Whether the connection of {@code generation} is gone (lost, maybe replaced already) while the
     * coordinator stays open: a failure since then may be that loss, and worth another try.
     */
    boolean lostSince(long generation) {
        synchronized (lock) {
            return !closed && (this.generation != generation || !current.isOpen());
        }
    }

    long reconnects() {
        return reconnector.successes();
    }

    RecoveryListeners listeners() {
        return listeners;
    }

    void close() {
        Connection last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
            lock.notifyAll();
        }
        reconnector.stop();
        closeQuietly(last);
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(CLOSE_TIMEOUT_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing coordinator connection: {}", e.toString());
        }
    }

    Channel openChannel(String primitive, String action) {
        return openChannel(primitive, action, Deadline.in(callWait));
    }

    /**
     * A channel on the current connection, waiting for a new one until {@code until} (null: as long
     * as it takes) while the coordinator reconnects.
     */
    Channel openChannel(String primitive, String action, Deadline until) {
        Connection connection = awaitConnection(primitive, action, until);
        try {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new CoordinationException(
                        primitive + ": cannot " + action + ": no channel left on the connection");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            throw SyncFailures.translate(primitive, action, broker, e);
        }
    }

    Channel openTransactionalChannel(String primitive, String action) {
        return openTransactionalChannel(primitive, action, Deadline.in(callWait), 0);
    }

    /** Like {@link #openChannel}, in transaction mode; {@code prefetch} 0 leaves it unlimited. */
    Channel openTransactionalChannel(
            String primitive, String action, Deadline until, int prefetch) {
        Channel channel = openChannel(primitive, action, until);
        try {
            if (prefetch > 0) {
                channel.basicQos(prefetch);
            }
            channel.txSelect();
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw SyncFailures.translate(primitive, "start a transaction", broker, e);
        }
    }

    private Connection awaitConnection(String primitive, String action, Deadline until) {
        synchronized (lock) {
            while (!closed && !current.isOpen()) {
                long left = until == null ? Long.MAX_VALUE : until.nanosLeft();
                if (left <= 0) {
                    throw new CoordinationException(
                            primitive
                                    + ": cannot "
                                    + action
                                    + ": the coordinator's connection to "
                                    + broker
                                    + " is lost and not back yet ("
                                    + reconnector.describe()
                                    + "); leases and permits taken before the loss are gone,"
                                    + " later calls work once it is back");
                }
                try {
                    lock.wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoordinationException(
                            primitive + ": interrupted while waiting for the broker");
                }
            }
            if (closed) {
                throw new CoordinationException(
                        primitive + ": cannot " + action + ": the coordinator is closed");
            }
            return current;
        }
    }

    /** A short-lived channel: a refused operation closes its channel and must not close others. */
    <T> T withChannel(String primitive, String action, ChannelWork<T> work) {
        Channel channel = openChannel(primitive, action);
        try {
            return work.run(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while trying to " + action);
        } catch (Exception e) {
            throw SyncFailures.translate(primitive, action, broker, e);
        } finally {
            closeQuietly(channel);
        }
    }

    /** Deletes the queues; missing ones are fine. */
    void deleteQueues(String primitive, String... queues) {
        for (String queue : queues) {
            withChannel(primitive, "delete queue " + queue, ch -> ch.queueDelete(queue));
        }
    }

    /** Deletes the exchanges; missing ones are fine. */
    void deleteExchanges(String primitive, String... exchanges) {
        for (String exchange : exchanges) {
            withChannel(
                    primitive, "delete exchange " + exchange, ch -> ch.exchangeDelete(exchange));
        }
    }

    static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            abortQuietly(channel);
        }
    }

    static void abortQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.abort();
        } catch (IOException | RuntimeException e) {
            // already gone: nothing else to release
        }
    }
}
