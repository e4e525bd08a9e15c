package dev.warren.ops;

import dev.warren.Broker;
import dev.warren.ConfigurationException;
import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.BrokerRefusal;
import dev.warren.internal.transport.HeldMessages;
import dev.warren.internal.transport.HeldMessages.Held;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
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
 * <p>Retrying signs a task afresh, so it is allowed only for a letter a worker sealed, about a task
 * it had verified and that then failed ({@code FAILED}, or {@code WORKER_ERROR} after admission),
 * dead-lettered less than the retry age limit ago; see {@link DeadLetter#retryRefusal()}.
 *
 * <pre>{@code
 * DeadLetters dead = DeadLetters.of(broker, Duration.ofDays(2));
 * List<DeadLetter> letters = dead.list("primes", 50);
 * RetryReport report = dead.retry("primes", d -> d.id().equals(id));
 * }</pre>
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * Annotation on a retried task: the id of the dead letter it came from (unsigned, for people).
     */
    public static final String RETRY_OF = "x-warren-retry-of";

    /** How long after it was dead-lettered a letter may still be retried, unless told otherwise. */
    public static final Duration DEFAULT_RETRY_MAX_AGE = Duration.ofDays(7);

    /** How many dead letters are in memory at once. */
    static final int PAGE = 100;

    private final BrokerLink broker;
    private final DeadLetterReader reader;

    private DeadLetters(BrokerLink broker, Duration retryMaxAge) {
        this.broker = broker;
        this.reader =
                new DeadLetterReader(
                        broker.protocol(),
                        Clock.systemUTC(),
                        retryMaxAge,
                        broker.config().maxClockSkew(),
                        broker.names());
    }

    /** With the default retry age limit, {@link #DEFAULT_RETRY_MAX_AGE}. */
    public static DeadLetters of(Broker broker) {
        return of(broker, DEFAULT_RETRY_MAX_AGE);
    }

    /**
     * @param retryMaxAge how long after it was dead-lettered a letter may still be retried
     * @throws dev.warren.ConfigurationException when it is not positive
     */
    public static DeadLetters of(Broker broker, Duration retryMaxAge) {
        Objects.requireNonNull(retryMaxAge, "retryMaxAge");
        if (retryMaxAge.isZero() || retryMaxAge.isNegative()) {
            throw new ConfigurationException("retryMaxAge must be positive, was " + retryMaxAge);
        }
        return new DeadLetters(BrokerLink.of(broker), retryMaxAge);
    }

    /**
     * A dead letter sent back to work: it runs again as a new task (a fresh id, so workers' replay
     * memory does not refuse it), attempt 1, due now.
     *
     * @param deadLetterId the id of the task it was
     * @param taskId the id of the new task
     * @param type task type
     */
    public record Retried(String deadLetterId, String taskId, String type) {}

    /**
     * A selected dead letter left in place.
     *
     * @param letter the dead letter
     * @param why why it was not retried, in words for an operator
     */
    public record Refused(DeadLetter letter, String why) {}

    /**
     * What a retry did.
     *
     * @param retried the dead letters now back on the work queue
     * @param refused selected ones left in place, and why
     * @param left how many dead letters the queue holds once the retried ones are confirmed gone:
     *     those not selected, those refused, and those the broker holds beside them (dead-lettered
     *     meanwhile, for one)
     */
    public record RetryReport(List<Retried> retried, List<Refused> refused, int left) {}

    /** Reads at most {@code max} dead letters of a logical queue, oldest first, and leaves them. */
    public List<DeadLetter> list(String queue, int max) {
        List<DeadLetter> letters = new ArrayList<>();
        read(queue, max, read -> letters.add(read.letter()));
        return letters;
    }

    /** As {@link #list}, with the last error's whole stack trace (as cut by the worker) of each. */
    public List<DeadLetter.Detail> inspect(String queue, int max) {
        List<DeadLetter.Detail> letters = new ArrayList<>();
        read(queue, max, read -> letters.add(detail(read)));
        return letters;
    }

    /**
     * What {@link #find} found: the matching letters, and how many it read to find them.
     *
     * @param found the dead letters that matched, oldest first
     * @param read how many dead letters it read (at most the limit it was given)
     */
    public record Search(List<DeadLetter.Detail> found, int read) {}

    /**
     * Reads at most {@code max} dead letters of a logical queue, oldest first, keeps those {@code
     * match} picks, and leaves them all in place.
     */
    public Search find(String queue, Predicate<DeadLetter> match, int max) {
        List<DeadLetter.Detail> found = new ArrayList<>();
        int read =
                read(
                        queue,
                        max,
                        r -> {
                            if (match.test(r.letter())) {
                                found.add(detail(r));
                            }
                        });
        return new Search(List.copyOf(found), read);
    }

    private static DeadLetter.Detail detail(DeadLetterReader.Read read) {
        return new DeadLetter.Detail(read.letter(), read.lastError());
    }

    /** Hands each of at most {@code max} dead letters to {@code each}; returns how many. */
    private int read(String queue, int max, Consumer<DeadLetterReader.Read> each) {
        String dead = broker.names().deadLetterQueue(queue);
        int[] read = new int[1];
        withHeld(
                "read dead letters of " + dead,
                held -> {
                    List<Held> looked = new ArrayList<>();
                    while (looked.size() < max) {
                        List<Held> page = held.take(dead, Math.min(PAGE, max - looked.size()));
                        for (Held message : page) {
                            each.accept(reader.read(message, queue));
                            looked.add(withoutBody(message));
                        }
                        if (page.size() < PAGE) {
                            break;
                        }
                    }
                    read[0] = looked.size();
                    held.giveBack(looked);
                });
        return read[0];
    }

    /**
     * Sends the dead letters that {@code select} picks, and that may be retried ({@link
     * DeadLetter#retryRefusal()}), back to the work queue: the task the worker verified, signed
     * with this process's current key, attempt 1, a fresh timestamp and a fresh task id ({@link
     * #RETRY_OF} names the old one). The others stay in the dead-letter queue. Each is published
     * and confirmed before it leaves the dead-letter queue (at least once: a crash in between
     * leaves it in both). Letters are read {@value #PAGE} at a time.
     */
    public RetryReport retry(String queue, Predicate<DeadLetter> select) {
        String dead = broker.names().deadLetterQueue(queue);
        broker.topology().declareWorkQueue(queue);
        List<Retried> retried = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        List<Held> keep = new ArrayList<>();
        int[] left = new int[1];
        withHeld(
                "retry dead letters of " + dead,
                held -> {
                    List<Held> page;
                    do {
                        page = held.take(dead, PAGE);
                        List<Held> done = new ArrayList<>();
                        for (Held message : page) {
                            DeadLetterReader.Read read = reader.read(message, queue);
                            DeadLetter letter = read.letter();
                            if (!select.test(letter)) {
                                keep.add(withoutBody(message));
                            } else if (!letter.retryable()) {
                                refused.add(new Refused(letter, letter.retryRefusal()));
                                keep.add(withoutBody(message));
                            } else {
                                retried.add(sendBack(held, read, queue));
                                done.add(message);
                            }
                        }
                        held.awaitConfirms();
                        held.drop(done);
                    } while (page.size() == PAGE);
                    // counted while the kept ones are still held: given back, a classic queue
                    // may not count them yet
                    left[0] = held.ready(dead) + keep.size();
                    held.giveBack(keep);
                });
        return new RetryReport(List.copyOf(retried), List.copyOf(refused), left[0]);
    }

    private Retried sendBack(HeldMessages held, DeadLetterReader.Read read, String queue)
            throws IOException {
        DeadLetter letter = read.letter();
        String work = broker.names().workQueue(queue);
        String taskId = TaskId.random().toString();
        held.publish(
                work,
                broker.protocol()
                        .resubmission(
                                read.record(),
                                queue,
                                taskId,
                                Map.of(RETRY_OF, String.valueOf(letter.id()))));
        log.info(
                "dead letter {} ({}, {}, dead-lettered by {}) sent back to {} as task {}",
                SafeText.of(letter.id()),
                SafeText.of(letter.type()),
                letter.reason(),
                SafeText.of(letter.worker()),
                work,
                taskId);
        return new Retried(letter.id(), taskId, letter.type());
    }

    /** Giving a held message back needs only its tag; its body can go before the next page. */
    private static Held withoutBody(Held message) {
        return new Held(null, message.brokerReason(), message.tag());
    }

    /** Drops every dead letter of a logical queue; returns how many. */
    public int purge(String queue) {
        String dead = broker.names().deadLetterQueue(queue);
        int[] purged = new int[1];
        withHeld("purge " + dead, held -> purged[0] = held.purge(dead));
        log.info("purged {} dead letters from {}", purged[0], dead);
        return purged[0];
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
