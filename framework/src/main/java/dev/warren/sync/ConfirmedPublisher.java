package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.time.Duration;

/**
 * Publishes and waits for the broker's confirm (a persistent message is then on disk), one message
 * at a time on one confirm-mode channel; a failure discards the channel, the next publish opens
 * another.
 */
final class ConfirmedPublisher {
    private final SyncConnection connection;
    private final Duration confirmTimeout;
    private Channel channel; // guarded by this; confirm mode

    ConfirmedPublisher(SyncConnection connection, Duration confirmTimeout) {
        this.connection = connection;
        this.confirmTimeout = confirmTimeout;
    }

    synchronized void publish(
            String primitive,
            String exchange,
            String routingKey,
            AMQP.BasicProperties properties,
            byte[] body) {
        try {
            if (channel == null || !channel.isOpen()) {
                channel = connection.openChannel(primitive, "open a publishing channel");
                channel.confirmSelect();
            }
            channel.basicPublish(exchange, routingKey, properties, body);
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
            throw new CoordinationException(primitive + ": interrupted while publishing");
        } catch (Exception e) {
            discardChannel();
            throw SyncFailures.translate(
                    primitive,
                    "publish to " + (exchange.isEmpty() ? routingKey : exchange),
                    connection.broker(),
                    e);
        }
    }

    private void discardChannel() {
        SyncConnection.abortQuietly(channel);
        channel = null;
    }
}
