package dev.warren.sync;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's own connection as a source of channels: every failure to open or use one
 * becomes a {@link CoordinationException} naming the primitive, and once the connection is closed
 * or lost every later call says so.
 */
final class SyncConnection {
    private static final Logger log = LoggerFactory.getLogger(SyncConnection.class);
    private static final int CLOSE_TIMEOUT_MILLIS = 5000;

    private final Connection connection;
    private final String broker;
    private volatile boolean closed;

    /** Work on a channel, which may fail the way RabbitMQ's client fails. */
    interface ChannelWork<T> {
        T run(Channel channel) throws IOException, InterruptedException, TimeoutException;
    }

    SyncConnection(Connection connection, String broker) {
        this.connection = connection;
        this.broker = broker;
    }

    /** The broker's address for messages, without the password. */
    String broker() {
        return broker;
    }

    Duration heartbeat() {
        return Duration.ofSeconds(connection.getHeartbeat());
    }

    boolean isOpen() {
        return !closed && connection.isOpen();
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (connection.isOpen()) {
                connection.close(CLOSE_TIMEOUT_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing coordinator connection: {}", e.toString());
        }
    }

    Channel openChannel(String primitive, String action) {
        checkOpen(primitive, action);
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

    void checkOpen(String primitive, String action) {
        if (closed) {
            throw new CoordinationException(
                    primitive + ": cannot " + action + ": the coordinator is closed");
        }
        if (!connection.isOpen()) {
            throw new CoordinationException(
                    primitive
                            + ": cannot "
                            + action
                            + ": the coordinator's connection to "
                            + broker
                            + " was lost ("
                            + connection.getCloseReason()
                            + "); leases and permits taken through it are gone: connect a new"
                            + " Coordinator");
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
