package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;

/**
 * Reads a queue's ready messages and consumers from a passive declare (about 0.1 ms), so readers
 * never take a message. One channel, reopened after a refusal.
 */
final class QueueInspector {
    private final SyncConnection connection;
    private Channel channel; // guarded by this

    /** Ready messages and consumers of a queue. */
    record QueueCounts(long ready, long consumers) {}

    QueueInspector(SyncConnection connection) {
        this.connection = connection;
    }

    /** Ready messages in a queue, or -1 if it does not exist. */
    long readyMessages(String queue, String primitive) {
        QueueCounts counts = inspect(queue, primitive);
        return counts == null ? -1 : counts.ready();
    }

    /** The queue's counts, or null if it does not exist. */
    synchronized QueueCounts inspect(String queue, String primitive) {
        if (channel == null || !channel.isOpen()) {
            channel = connection.openChannel(primitive, "open an inspection channel");
        }
        try {
            AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
            return new QueueCounts(ok.getMessageCount(), ok.getConsumerCount());
        } catch (IOException | RuntimeException e) {
            if (SyncFailures.replyCode(e) == AMQP.NOT_FOUND) {
                channel = null; // the broker closed it with the refusal
                return null;
            }
            SyncConnection.abortQuietly(channel);
            channel = null;
            throw SyncFailures.translate(
                    primitive, "inspect queue " + queue, connection.broker(), e);
        }
    }
}
