package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.internal.transport.AmqpMessages;
import java.io.IOException;

/**
 * A shared-map client's reply queue (exclusive, auto-delete) and its consumer, which hands each
 * genuine reply to the {@link PendingReply}; if the channel dies, the waiting request fails.
 */
final class MapReplies extends DefaultConsumer {
    private final MapMessages messages;
    private final PendingReply pending;
    private final String queue;

    private MapReplies(Channel channel, MapMessages messages, PendingReply pending, String queue) {
        super(channel);
        this.messages = messages;
        this.pending = pending;
        this.queue = queue;
    }

    static MapReplies open(
            SyncConnection connection,
            String primitive,
            MapMessages messages,
            PendingReply pending,
            Deadline until) {
        Channel channel = connection.openChannel(primitive, "open its reply queue", until);
        try {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            MapReplies replies = new MapReplies(channel, messages, pending, queue);
            channel.basicConsume(queue, true, replies);
            return replies;
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "open its reply queue", connection.broker(), e);
        }
    }

    /** Where the owner sends the replies. */
    String queue() {
        return queue;
    }

    @Override
    public void handleDelivery(
            String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
        MapWire.Reply reply = messages.openReply(AmqpMessages.envelope(properties, body));
        if (reply != null) {
            pending.offer(reply);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        pending.fail(sig);
    }

    boolean isOpen() {
        return getChannel().isOpen();
    }

    void close() {
        SyncConnection.closeQuietly(getChannel());
    }
}
