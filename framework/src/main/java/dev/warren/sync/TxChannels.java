package dev.warren.sync;

import com.rabbitmq.client.Channel;

/**
 * Transactional channels with prefetch 1, on which a distributed queue takes one message (an item
 * or a slot) and later settles it together with what it publishes, in one commit. Kept after a
 * clean commit for the next put or get.
 */
final class TxChannels {
    private static final int IDLE_AT_MOST = 8;

    private final SyncConnection connection;
    private final IdlePool<Channel> idle = new IdlePool<>(IDLE_AT_MOST, Channel::isOpen);

    TxChannels(SyncConnection connection) {
        this.connection = connection;
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
        return connection.openTransactionalChannel(primitive, "open a channel", until, 1);
    }

    /** Closes the channels kept for reuse. */
    void closeIdle() {
        Channel channel;
        while ((channel = idle.take()) != null) {
            SyncConnection.closeQuietly(channel);
        }
    }

    /** Takes back a channel whose transaction was committed; closes it if it is not kept. */
    void giveBack(Channel channel) {
        if (connection.isClosed() || !idle.giveBack(channel)) {
            SyncConnection.closeQuietly(channel);
        }
    }
}
