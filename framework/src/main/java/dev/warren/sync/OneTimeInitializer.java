package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises a primitive exactly once across all processes: under a mutex (an exclusive queue,
 * which only one connection can hold and which the broker deletes when its holder dies), unless the
 * durable ready marker exists, run the initialisation, then declare the marker.
 */
final class OneTimeInitializer {
    private static final Logger log = LoggerFactory.getLogger(OneTimeInitializer.class);
    private static final Duration INIT_WAIT = Duration.ofSeconds(30);
    private static final long RETRY_PAUSE_MILLIS = 10;

    private final SyncConnection connection;
    private final QueueInspector inspector;
    private final Duration confirmTimeout;
    private final QueueArguments markerArguments;

    OneTimeInitializer(
            SyncConnection connection,
            QueueInspector inspector,
            Duration confirmTimeout,
            QueueArguments markerArguments) {
        this.connection = connection;
        this.inspector = inspector;
        this.confirmTimeout = confirmTimeout;
        this.markerArguments = markerArguments;
    }

    /**
     * @param init must start from a clean slate: a crashed earlier initialiser may have left half
     *     its work; its publishes are confirmed before the marker is declared
     */
    void ensureInitialized(String base, String primitive, SyncConnection.ChannelWork<Void> init) {
        String marker = SyncNames.readyMarker(base);
        if (isMarked(marker, primitive)) {
            return;
        }
        synchronized (this) { // an exclusive queue does not exclude its own connection
            Channel mutex = takeMutex(base, primitive);
            try {
                if (isMarked(marker, primitive)) {
                    return;
                }
                connection.withChannel(
                        primitive,
                        "initialise",
                        channel -> {
                            channel.confirmSelect();
                            init.run(channel);
                            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
                            // quorum with the primitive's queues: a marker lost with a node would
                            // make the next process initialise again, and purge live permits
                            channel.queueDeclare(
                                    marker, true, false, false, markerArguments.plain());
                            return null;
                        });
            } finally {
                try {
                    mutex.queueDelete(SyncNames.initMutex(base));
                } catch (IOException | RuntimeException e) {
                    log.debug("deleting init mutex of {}: {}", primitive, e.toString());
                }
                SyncConnection.closeQuietly(mutex);
            }
        }
    }

    private boolean isMarked(String marker, String primitive) {
        return inspector.readyMessages(marker, primitive) >= 0;
    }

    private Channel takeMutex(String base, String primitive) {
        Deadline deadline = Deadline.in(INIT_WAIT);
        while (true) {
            Channel channel = connection.openChannel(primitive, "initialise");
            try {
                channel.queueDeclare(SyncNames.initMutex(base), false, true, false, null);
                return channel;
            } catch (IOException | RuntimeException e) {
                SyncConnection.closeQuietly(channel);
                if (SyncFailures.replyCode(e) != AMQP.RESOURCE_LOCKED) {
                    throw SyncFailures.translate(primitive, "initialise", connection.broker(), e);
                }
            }
            if (deadline.hasPassed()) {
                throw new CoordinationException(
                        primitive
                                + ": another process has been initialising it for more than "
                                + INIT_WAIT.toSeconds()
                                + " s");
            }
            Deadline.pause(RETRY_PAUSE_MILLIS);
        }
    }
}
