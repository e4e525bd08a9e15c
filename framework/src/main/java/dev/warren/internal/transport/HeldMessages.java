package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Messages taken from a queue unacknowledged on one channel, for an operator to read, publish
 * again, drop or give back. Whatever is still held when the channel closes goes back to the queue,
 * so a crash of this process loses nothing.
 */
public final class HeldMessages {
    private final Channel channel;
    private final long confirmTimeoutMillis;
    private boolean confirming;

    /** One message taken and not yet settled. */
    public record Held(Envelope envelope, String brokerReason, long tag) {}

    HeldMessages(Channel channel, long confirmTimeoutMillis) {
        this.channel = channel;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /** What an operation on held messages does; runs with the channel open. */
    public interface Work {
        void run(HeldMessages held) throws IOException, InterruptedException;
    }

    /**
     * Takes up to {@code max} messages; never more than were there at the start, so messages that
     * arrive meanwhile are left alone.
     */
    public List<Held> take(String queue, int max) throws IOException {
        int count = channel.queueDeclarePassive(queue).getMessageCount();
        List<Held> taken = new ArrayList<>();
        while (taken.size() < Math.min(count, max)) {
            GetResponse response = channel.basicGet(queue, false);
            if (response == null) {
                break;
            }
            taken.add(
                    new Held(
                            AmqpMessages.envelope(response.getProps(), response.getBody()),
                            brokerReason(response.getProps()),
                            response.getEnvelope().getDeliveryTag()));
        }
        return taken;
    }

    /** Publishes a persistent message; {@link #awaitConfirms()} waits for all of them. */
    public void publish(String queue, Envelope envelope) throws IOException {
        if (!confirming) {
            channel.confirmSelect();
            confirming = true;
        }
        channel.basicPublish("", queue, false, AmqpMessages.properties(envelope), envelope.body());
    }

    public void awaitConfirms() throws IOException, InterruptedException {
        if (!confirming) {
            return;
        }
        try {
            channel.waitForConfirmsOrDie(confirmTimeoutMillis);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not confirm in time", e);
        }
    }

    /** Done with them: the broker forgets them. */
    public void drop(List<Held> messages) throws IOException {
        for (Held held : messages) {
            channel.basicAck(held.tag(), false);
        }
    }

    /** Back to the queue, in their old places on a classic queue. */
    public void giveBack(List<Held> messages) throws IOException {
        for (Held held : messages) {
            channel.basicNack(held.tag(), false, true);
        }
    }

    /**
     * The messages of the queue ready for delivery now, as the broker counts them: not those held
     * here, and maybe not yet those just given back.
     */
    public int ready(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** Drops every message of the queue; returns how many. */
    public int purge(String queue) throws IOException {
        channel.queueDeclarePassive(queue);
        return channel.queuePurge(queue).getMessageCount();
    }

    /** RabbitMQ's own reason, from the first {@code x-death} entry, e.g. "rejected". */
    private static String brokerReason(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        Object deaths = headers == null ? null : headers.get("x-death");
        if (deaths instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> first) {
            return String.valueOf(first.get("reason"));
        }
        return "unknown";
    }
}
