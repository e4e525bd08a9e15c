package dev.warren.ops;

import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BrokerRefusal;
import dev.warren.internal.transport.HeldMessages;
import dev.warren.internal.transport.HeldMessages.Held;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.RejectedMessageException;
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

    /** How many dead letters are in memory at once. */
    static final int PAGE = 100;

    private final BrokerLink broker;

    private DeadLetters(BrokerLink broker) {
        this.broker = broker;
    }

    public static DeadLetters of(Broker broker) {
        return new DeadLetters(BrokerLink.of(broker));
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
        withHeld(
                "read dead letters of " + dead,
                held -> {
                    List<Held> looked = new ArrayList<>();
                    while (looked.size() < max) {
                        List<Held> page = held.take(dead, Math.min(PAGE, max - looked.size()));
                        for (Held message : page) {
                            letters.add(describe(message));
                            looked.add(withoutBody(message));
                        }
                        if (page.size() < PAGE) {
                            break;
                        }
                    }
                    held.giveBack(looked);
                });
        return letters;
    }

    /**
     * Sends the dead letters that {@code select} picks back to the work queue, re-signed with this
     * process's current key, attempt 1, a fresh timestamp and a fresh task id ({@link #RETRY_OF}
     * names the old one). A dead letter whose original signature does not verify with this
     * process's keys is refused unless {@code force}: re-signing it would vouch for content nobody
     * here signed. Each is published and confirmed before it leaves the dead-letter queue (at least
     * once: a crash in between leaves it in both). Letters are read {@value #PAGE} at a time.
     */
    public RetryReport retry(String queue, Predicate<DeadLetter> select, boolean force) {
        String dead = Topology.deadLetterQueue(queue);
        String work = Topology.workQueue(queue);
        broker.topology().declareWorkQueue(queue);
        List<Retried> retried = new ArrayList<>();
        List<DeadLetter> refused = new ArrayList<>();
        int[] left = new int[1];
        withHeld(
                "retry dead letters of " + dead,
                held -> {
                    List<Held> keep = new ArrayList<>();
                    List<Held> page;
                    do {
                        page = held.take(dead, PAGE);
                        List<Held> done = new ArrayList<>();
                        for (Held message : page) {
                            DeadLetter letter = describe(message);
                            if (!select.test(letter)) {
                                keep.add(withoutBody(message));
                                left[0]++;
                            } else if (!letter.verified() && !force) {
                                refused.add(letter);
                                keep.add(withoutBody(message));
                            } else {
                                retried.add(sendBack(held, message, letter, queue));
                                done.add(message);
                            }
                        }
                        held.awaitConfirms();
                        held.drop(done);
                    } while (page.size() == PAGE);
                    held.giveBack(keep);
                });
        return new RetryReport(List.copyOf(retried), List.copyOf(refused), left[0]);
    }

    private Retried sendBack(HeldMessages held, Held message, DeadLetter letter, String queue)
            throws IOException {
        String dead = Topology.deadLetterQueue(queue);
        String work = Topology.workQueue(queue);
        String taskId = TaskId.random().toString();
        held.publish(
                work,
                broker.protocol()
                        .resubmission(
                                message.envelope(),
                                queue,
                                taskId,
                                Map.of(RETRY_OF, String.valueOf(letter.id()))));
        log.info(
                "dead letter {} ({}, {}) from {} sent back to {} as task {}{}",
                letter.id(),
                letter.type(),
                letter.reason(),
                dead,
                work,
                taskId,
                letter.verified() ? "" : " although its signature does not verify (forced)");
        return new Retried(letter.id(), taskId, letter.type());
    }

    /** Giving a held message back needs only its tag; its body can go before the next page. */
    private static Held withoutBody(Held message) {
        return new Held(null, message.brokerReason(), message.tag());
    }

    /** Drops every dead letter of a logical queue; returns how many. */
    public int purge(String queue) {
        String dead = Topology.deadLetterQueue(queue);
        int[] purged = new int[1];
        withHeld("purge " + dead, held -> purged[0] = held.purge(dead));
        log.info("purged {} dead letters from {}", purged[0], dead);
        return purged[0];
    }

    private DeadLetter describe(Held message) {
        Envelope envelope = message.envelope();
        Map<String, String> notes = envelope.annotations();
        String reason = notes.get(Headers.DEAD_REASON);
        if (reason == null) {
            reason = "broker:" + message.brokerReason();
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

    private void withHeld(String action, HeldMessages.Work work) {
        try {
            broker.withHeldMessages(action, work);
        } catch (BrokerRefusal e) {
            if (e.isNotFound()) {
                throw new NoSuchQueueException(
                        "cannot "
                                + action
                                + ": RabbitMQ at "
                                + broker.config().brokerAddressForHumans()
                                + " has no such queue",
                        e);
            }
            throw e;
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
