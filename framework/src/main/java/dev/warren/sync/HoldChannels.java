package dev.warren.sync;

import com.rabbitmq.client.Channel;
import java.io.IOException;

/**
 * Channels with prefetch 1 for holding one token each, kept after a release for the next hold: a
 * lock cycle on a reused channel saves opening one per acquire.
 */
final class HoldChannels {
    private static final int IDLE_AT_MOST = 8;

    private final SyncConnection connection;
    private final IdlePool<Channel> idle;

    HoldChannels(SyncConnection connection) {
        this.connection = connection;
        this.idle = new IdlePool<>(IDLE_AT_MOST, Channel::isOpen);
    }

    /**
     * @param until how long to wait for the connection while it is being replaced (null: as long as
     *     it takes)
     */
    Channel borrow(String primitive, Deadline until) {
        Channel reused = idle.take();
        if (reused != null) {
            return reused;
        }
        Channel channel = connection.openChannel(primitive, "open a channel", until);
        try {
            channel.basicQos(1);
            return channel;
        } catch (IOException | RuntimeException e) {
            SyncConnection.closeQuietly(channel);
            throw SyncFailures.translate(primitive, "set the prefetch", connection.broker(), e);
        }
    }

    /** Takes back a channel whose token was released; closes it if it is not kept. */
    void giveBack(Channel channel) {
        if (connection.isClosed() || !idle.giveBack(channel)) {
            SyncConnection.closeQuietly(channel);
        }
    }
}
