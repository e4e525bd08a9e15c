package dev.warren.sync;

import com.rabbitmq.client.Channel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wait of a consumer for the one delivery it takes. Whatever ends the wait without that
 * delivery closes the consuming channel.
 */
final class DeliveryWait {
    private DeliveryWait() {}

    /**
     * Waits until {@code deadline} (null: for ever) for {@code delivered}; false on timeout.
     *
     * @param channel the channel consuming for {@code delivered}
     */
    static boolean arrived(
            Future<?> delivered,
            Deadline deadline,
            Channel channel,
            String primitive,
            String broker) {
        try {
            if (deadline == null) {
                delivered.get();
            } else {
                delivered.get(Math.max(0, deadline.nanosLeft()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            // closing (not cancelling) gives back a message that may arrive in this very moment
            SyncConnection.abortQuietly(channel);
            return false;
        } catch (InterruptedException e) {
            SyncConnection.abortQuietly(channel);
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while waiting");
        } catch (ExecutionException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(primitive, "wait", broker, e.getCause());
        }
    }
}
