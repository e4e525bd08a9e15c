package dev.warren.sync;

import com.rabbitmq.client.Channel;
import dev.warren.internal.wire.Binding;
import java.io.IOException;
import java.time.Duration;

/**
 * Takes a {@link HeldToken}: consumes the token queue with prefetch 1 until a token that verifies
 * arrives (forgeries are acked away by its {@link TokenConsumer}).
 */
final class TokenTaker {
    private TokenTaker() {}

    /**
     * Waits up to {@code timeout} (null: for ever) for a token of {@code queue} signed for {@code
     * binding}; null on timeout. Anything else met in the queue is removed and counted, never held.
     * A wait cut by the loss of the coordinator's connection goes on on the next connection.
     */
    static HeldToken take(
            Coordinator coordinator,
            String queue,
            Binding binding,
            String primitive,
            Duration timeout) {
        Deadline deadline = timeout == null ? null : Deadline.in(timeout);
        return AcrossLosses.run(
                coordinator.connection(),
                deadline,
                () -> takeOnce(coordinator, queue, binding, primitive, deadline));
    }

    private static HeldToken takeOnce(
            Coordinator coordinator,
            String queue,
            Binding binding,
            String primitive,
            Deadline deadline) {
        Channel channel = coordinator.holdChannels().borrow(primitive, deadline);
        HeldToken hold = new HeldToken(coordinator, queue, primitive, channel);
        try {
            hold.consuming(
                    channel.basicConsume(
                            queue, false, new TokenConsumer(hold, coordinator, binding, queue)));
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(
                    primitive, "wait in queue " + queue, coordinator.broker(), e);
        }
        return DeliveryWait.arrived(
                        hold.grant(), deadline, channel, primitive, coordinator.broker())
                ? hold
                : null;
    }
}
