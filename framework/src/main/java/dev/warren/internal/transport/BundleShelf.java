package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Where shipped code waits on the broker: one durable queue per bundle holding one message, which
 * readers take and give straight back, so every worker can read it and none removes it. The queue
 * expires after {@code expiry} without use. With quorum queues the bundle queue is a quorum queue,
 * replicated like the work queues, so a bundle outlives the loss of a node; basic.get and the
 * give-back work on it the same way. Rare operations: each opens and closes its own channel.
 *
 * <pre>{@code
 * shelf.putOnce("warren.bundle.9f2c...", bytes, headers);
 * Optional<BundleShelf.Copy> copy = shelf.read("warren.bundle.9f2c...", Duration.ofSeconds(5));
 * }</pre>
 */
public final class BundleShelf {
    /**
     * How long a bundle's queue stays after it was last used: one value for every process, since
     * the broker refuses to declare a queue again with another.
     */
    public static final Duration EXPIRY = Duration.ofDays(7);

    private static final Duration RETRY = Duration.ofMillis(50);
    private static final Duration READ_PATIENCE = Duration.ofSeconds(5);

    private final Connection publishing;
    private final Connection consuming;
    private final String address;
    private final Duration expiry;
    private final boolean quorum;

    /** A bundle message as read: body and headers, nothing checked yet. */
    public record Copy(byte[] body, Map<String, Object> headers) {}

    BundleShelf(
            Connection publishing,
            Connection consuming,
            String address,
            Duration expiry,
            boolean quorum) {
        this.publishing = publishing;
        this.consuming = consuming;
        this.address = address;
        this.expiry = expiry;
        this.quorum = quorum;
    }

    /**
     * The arguments of a bundle queue. No single active consumer and no delivery limit: readers
     * only get and give back, and a limit would count every give-back and drop the bundle. A
     * classic one is declared without a type, as bundle queues were before, so it still matches.
     */
    static Map<String, Object> arguments(Duration expiry, boolean quorum) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-expires", expiry.toMillis());
        if (quorum) {
            args.put("x-queue-type", "quorum");
        }
        return args;
    }

    /**
     * Declares the queue and, unless it holds this bundle already under the same signature,
     * publishes it with confirm. A copy signed otherwise (the same code shipped by a producer with
     * another key, say one that workers no longer accept) is replaced, since the queue's name is
     * the hash of the code alone.
     */
    public void putOnce(String queue, byte[] body, Map<String, Object> headers) {
        try (Channel channel = publishing.createChannel()) {
            AMQP.Queue.DeclareOk declared = declare(channel, queue);
            if (declared.getMessageCount() > 0 && !takeIfSignedOtherwise(channel, queue, headers)) {
                return;
            }
            channel.confirmSelect();
            channel.basicPublish(
                    "",
                    queue,
                    true,
                    new AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .type("warren.bundle")
                            .headers(headers)
                            .build(),
                    body);
            channel.waitForConfirmsOrDie(Duration.ofSeconds(30).toMillis());
        } catch (IOException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw RabbitExceptions.translate("put shipped code on " + queue, address, e);
        }
    }

    /**
     * Takes the copy in {@code queue} off it when its signature headers differ from {@code
     * headers}; gives it back and answers false when they are the same, or when a reader holds it
     * for longer than a read waits.
     */
    private static boolean takeIfSignedOtherwise(
            Channel channel, String queue, Map<String, Object> headers)
            throws IOException, InterruptedException {
        long until = System.nanoTime() + READ_PATIENCE.toNanos();
        GetResponse got;
        while ((got = channel.basicGet(queue, false)) == null) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(RETRY.toMillis());
        }
        Map<String, Object> found = got.getProps().getHeaders();
        long tag = got.getEnvelope().getDeliveryTag();
        if (BundleSignatures.same(found == null ? Map.of() : found, headers)) {
            channel.basicReject(tag, true);
            return false;
        }
        channel.basicAck(tag, false);
        return true;
    }

    /**
     * The bundle in {@code queue}, given back at once; waits up to {@code patience} while another
     * reader holds it. Empty when there is no such queue or it stays empty.
     */
    public Optional<Copy> read(String queue, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        Channel channel = null;
        try {
            channel = consuming.createChannel();
            while (true) {
                GetResponse got;
                try {
                    got = channel.basicGet(queue, false);
                } catch (IOException noSuchQueue) {
                    return Optional.empty();
                }
                if (got != null) {
                    channel.basicReject(got.getEnvelope().getDeliveryTag(), true);
                    Map<String, Object> headers = got.getProps().getHeaders();
                    return Optional.of(
                            new Copy(got.getBody(), headers == null ? Map.of() : headers));
                }
                if (System.nanoTime() > until) {
                    return Optional.empty();
                }
                Thread.sleep(RETRY.toMillis());
            }
        } catch (IOException e) {
            throw RabbitExceptions.translate("read shipped code from " + queue, address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            closeQuietly(channel);
        }
    }

    /** A channel the broker closed (no such queue) cannot be closed again; that is fine. */
    private static void closeQuietly(Channel channel) {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // the connection's own recovery deals with a broken connection
        }
    }

    private AMQP.Queue.DeclareOk declare(Channel channel, String queue) throws IOException {
        return channel.queueDeclare(queue, true, false, false, arguments(expiry, quorum));
    }
}
