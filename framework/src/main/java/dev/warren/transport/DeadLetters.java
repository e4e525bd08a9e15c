package dev.warren.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations on a queue's dead letters: look at them, send them back to work, or drop them.
 *
 * <p>Looking never loses one: the messages are taken unacknowledged on one channel, read, and given
 * back ({@code basic.nack} with requeue) when done, so a crash of this process returns them too. A
 * classic queue puts requeued messages back in their old places, so the order stays. While a look
 * is under way the messages it holds are invisible to other readers of the same dead-letter queue
 * (normally there are none). On a quorum queue each look counts as a delivery of every message:
 * RabbitMQ 4's default delivery limit (20) would drop them after that many looks, so give
 * dead-letter quorum queues a higher {@code x-delivery-limit} policy if operators browse often.
 *
 * <pre>{@code
 * DeadLetters dead = DeadLetters.of(broker);
 * List<DeadLetter> letters = dead.list("primes", 50);
 * RetryReport report = dead.retry("primes", d -> d.id().equals(id), false);
 * }</pre>
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * Annotation on a retried task: the id of the dead letter it came from (unsigned, for people).
     */
    public static final String RETRY_OF = "x-warren-retry-of";

    private final Broker broker;

    private DeadLetters(Broker broker) {
        this.broker = broker;
    }

    public static DeadLetters of(Broker broker) {
        return new DeadLetters(broker);
    }

    /**
     * A dead letter sent back to work: it runs again as a new task (a fresh id, so workers' replay
     * memory does not refuse it), attempt 1, due now.
     *
     * @param deadLetterId the id it had in the dead-letter queue
     * @param taskId the id of the new task
     * @param type task type
     */
    public record Retried(String deadLetterId, String taskId, String type) {}

    /**
     * What a retry did.
     *
     * @param retried the dead letters now back on the work queue
     * @param refused selected ones left in place because their signature does not verify
     * @param left dead letters not selected, left in place
     */
    public record RetryReport(List<Retried> retried, List<DeadLetter> refused, int left) {}

    /** Reads at most {@code max} dead letters of a logical queue, oldest first, and leaves them. */
    public List<DeadLetter> list(String queue, int max) {
        String dead = Topology.deadLetterQueue(queue);
        List<DeadLetter> letters = new ArrayList<>();
        withChannel(
                "read dead letters of " + dead,
                ch -> {
                    List<GetResponse> taken = take(ch, dead, max);
                    for (GetResponse response : taken) {
                        letters.add(describe(response));
                    }
                    giveBack(ch, taken);
                });
        return letters;
    }

    /**
     * Sends the dead letters that {@code select} picks back to the work queue, re-signed with this
     * process's current key, attempt 1, a fresh timestamp and a fresh task id ({@link #RETRY_OF}
     * names the old one). A dead letter whose original signature does not verify with this
     * process's keys is refused unless {@code force}: re-signing it would vouch for content nobody
     * here signed. Each is published and confirmed before it leaves the dead-letter queue (at least
     * once: a crash in between leaves it in both).
     */
    public RetryReport retry(String queue, Predicate<DeadLetter> select, boolean force) {
        String dead = Topology.deadLetterQueue(queue);
        String work = Topology.workQueue(queue);
        broker.topology().declareWorkQueue(queue);
        List<Retried> retried = new ArrayList<>();
        List<DeadLetter> refused = new ArrayList<>();
        int[] left = new int[1];
        withChannel(
                "retry dead letters of " + dead,
                ch -> {
                    ch.confirmSelect();
                    List<GetResponse> taken = take(ch, dead, Integer.MAX_VALUE);
                    List<GetResponse> keep = new ArrayList<>();
                    List<GetResponse> done = new ArrayList<>();
                    for (GetResponse response : taken) {
                        DeadLetter letter = describe(response);
                        if (!select.test(letter)) {
                            keep.add(response);
                            left[0]++;
                            continue;
                        }
                        if (!letter.verified() && !force) {
                            refused.add(letter);
                            keep.add(response);
                            continue;
                        }
                        Envelope original = envelope(response);
                        String taskId = TaskId.random().toString();
                        Envelope again =
                                broker.sealer()
                                        .reseal(
                                                new Envelope(
                                                        original.version() == 0
                                                                ? Headers.WIRE_VERSION
                                                                : original.version(),
                                                        taskId,
                                                        original.type(),
                                                        original.timestamp(),
                                                        original.replyTo(),
                                                        1,
                                                        null,
                                                        null,
                                                        original.body(),
                                                        Map.of(
                                                                RETRY_OF,
                                                                String.valueOf(letter.id()))),
                                                1,
                                                System.currentTimeMillis());
                        ch.basicPublish(
                                "", work, false, AmqpMessages.properties(again), again.body());
                        done.add(response);
                        retried.add(new Retried(letter.id(), taskId, letter.type()));
                        log.info(
                                "dead letter {} ({}, {}) from {} sent back to {} as task {}{}",
                                letter.id(),
                                letter.type(),
                                letter.reason(),
                                dead,
                                work,
                                taskId,
                                letter.verified()
                                        ? ""
                                        : " although its signature does not verify (forced)");
                    }
                    if (!done.isEmpty()) {
                        try {
                            ch.waitForConfirmsOrDie(broker.config().publishTimeout().toMillis());
                        } catch (java.util.concurrent.TimeoutException e) {
                            throw new IOException("the broker did not confirm the retries", e);
                        }
                    }
                    for (GetResponse response : done) {
                        ch.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    }
                    giveBack(ch, keep);
                });
        return new RetryReport(List.copyOf(retried), List.copyOf(refused), left[0]);
    }

    /** Drops every dead letter of a logical queue; returns how many. */
    public int purge(String queue) {
        String dead = Topology.deadLetterQueue(queue);
        int[] purged = new int[1];
        withChannel(
                "purge " + dead,
                ch -> {
                    ch.queueDeclarePassive(dead);
                    purged[0] = ch.queuePurge(dead).getMessageCount();
                });
        log.info("purged {} dead letters from {}", purged[0], dead);
        return purged[0];
    }

    /**
     * Takes up to {@code max} messages unacknowledged; never more than were there at the start, so
     * messages that arrive meanwhile are left alone.
     */
    private static List<GetResponse> take(Channel ch, String dead, int max) throws IOException {
        int count = ch.queueDeclarePassive(dead).getMessageCount();
        List<GetResponse> taken = new ArrayList<>();
        while (taken.size() < Math.min(count, max)) {
            GetResponse response = ch.basicGet(dead, false);
            if (response == null) {
                break;
            }
            taken.add(response);
        }
        return taken;
    }

    private static void giveBack(Channel ch, List<GetResponse> taken) throws IOException {
        for (GetResponse response : taken) {
            ch.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
        }
    }

    private static Envelope envelope(GetResponse response) {
        return AmqpMessages.envelope(response.getProps(), response.getBody());
    }

    private DeadLetter describe(GetResponse response) {
        Envelope envelope = envelope(response);
        Map<String, String> notes = envelope.annotations();
        String reason = notes.get(Headers.DEAD_REASON);
        if (reason == null) {
            reason = "broker:" + brokerReason(response.getProps());
        }
        String problem = null;
        try {
            broker.sealer().verify(envelope);
        } catch (RejectedMessageException e) {
            problem = e.reason() + ": " + e.getMessage();
        }
        String lastError = notes.getOrDefault(Headers.LAST_ERROR, "");
        long deadAt = 0;
        try {
            deadAt = Long.parseLong(notes.getOrDefault(Headers.DEAD_AT, "0"));
        } catch (NumberFormatException e) {
            // not a number: unknown
        }
        return new DeadLetter(
                envelope.messageId(),
                envelope.type(),
                envelope.attempt(),
                reason,
                notes.getOrDefault(Headers.DEAD_DETAIL, ""),
                lastError.lines().findFirst().orElse(""),
                deadAt,
                problem);
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

    private interface ChannelWork {
        void run(Channel channel) throws IOException, InterruptedException;
    }

    /**
     * One channel per operation: unacknowledged messages go back when it closes, whatever happens.
     */
    private void withChannel(String action, ChannelWork work) {
        String address = broker.config().brokerAddressForHumans();
        try (Channel ch = broker.publishingConnection().createChannel()) {
            work.run(ch);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String text = String.valueOf(e.getMessage()) + " " + e.getCause();
            if (text.contains("NOT_FOUND")) {
                throw new NoSuchQueueException(
                        "cannot " + action + ": RabbitMQ at " + address + " has no such queue", e);
            }
            throw RabbitExceptions.translate(action, address, e);
        }
    }

    /** The queue named in an operation does not exist on the broker. */
    public static final class NoSuchQueueException extends WarrenException {
        private static final long serialVersionUID = 1L;

        NoSuchQueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
