package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.WarrenException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names and declares Warren's queues. Every declaration is idempotent, so producers and workers
 * both declare what they use and neither has to start first.
 *
 * <ul>
 *   <li>{@code warren.<queue>}: the durable work queue; dead-letters to {@code
 *       warren.<queue>.dead}.
 *   <li>{@code warren.<queue>.dead}: messages that were refused or failed for good, with a reason
 *       header.
 *   <li>{@code warren.<queue>.delay.<ms>}: retries wait here, then dead-letter back to the work
 *       queue.
 *   <li>{@code warren.<queue>.taken}: a stream, the fleet's log of the task attempts its workers
 *       took and settled, kept for the acceptance window.
 *   <li>{@code warren.reply.<clientId>}: one client's replies; durable, deleted after {@code
 *       replyQueueExpiry} without the client.
 * </ul>
 *
 * <p>With a namespace ({@link BrokerNames}) every name starts with {@code warren@<namespace>.}
 * instead; {@link #names()} gives this topology's, the static methods the names without one.
 *
 * <pre>{@code
 * broker.topology().declareWorkQueue("primes");
 * QueueStats stats = broker.topology().inspect(Topology.workQueue("primes"));
 * }</pre>
 */
public final class Topology {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Topology.class);
    private static final long RECOVERY_WAIT_SECONDS = 10;
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(RECOVERY_WAIT_SECONDS);
    private final Connection connection;
    private final BrokerNames names;
    private final String broker;
    private final QueueShapes shapes;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private final RecoveryWatch recovery;
    private Channel channel; // guarded by this

    Topology(
            Connection connection,
            BrokerNames names,
            String broker,
            boolean quorum,
            int deliveryLimit,
            Duration replyExpiry) {
        this.connection = connection;
        this.recovery = RecoveryWatch.on(connection);
        this.names = names;
        this.broker = broker;
        this.shapes = new QueueShapes(quorum, deliveryLimit, replyExpiry);
    }

    /** The names this topology declares, in its namespace. */
    public BrokerNames names() {
        return names;
    }

    /** The work queue of {@code queue} without a namespace; see {@link BrokerNames}. */
    public static String workQueue(String queue) {
        return BrokerNames.DEFAULT.workQueue(queue);
    }

    public static String deadLetterQueue(String queue) {
        return BrokerNames.DEFAULT.deadLetterQueue(queue);
    }

    public static String delayQueue(String queue, Duration delay) {
        return BrokerNames.DEFAULT.delayQueue(queue, delay);
    }

    public static String takenLog(String queue) {
        return BrokerNames.DEFAULT.takenLog(queue);
    }

    /**
     * Declares the stream of taken tasks of {@code queue}, keeping entries for {@code retention}.
     * One that exists already with another retention (workers configured differently) is used as it
     * is, with a warning.
     */
    public void declareTakenLog(String queue, Duration retention) {
        String name = names.takenLog(queue);
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", "stream");
        args.put("x-max-age", Math.max(1, retention.toSeconds()) + "s");
        args.put("x-stream-max-segment-size-bytes", 8_000_000);
        try {
            withChannel(
                    "declare stream " + name,
                    ch -> ch.queueDeclare(name, true, false, false, args));
        } catch (BrokerRefusal e) {
            if (!e.isPreconditionFailed()) {
                throw e;
            }
            log.warn(
                    "stream {} exists with other settings than a retention of {}; using it"
                            + " as it is",
                    name,
                    retention);
            withChannel("inspect stream " + name, ch -> ch.queueDeclarePassive(name));
        }
    }

    public static String replyQueue(String clientId) {
        return BrokerNames.DEFAULT.replyQueue(clientId);
    }

    /** Declares the work queue and its dead-letter queue, once per process. */
    public void declareWorkQueue(String queue) {
        String work = names.workQueue(queue);
        if (declared.contains(work)) {
            return;
        }
        String dead = names.deadLetterQueue(queue);
        withChannel(
                "declare queue " + work,
                ch -> {
                    ch.queueDeclare(dead, true, false, false, shapes.deadLetters());
                    ch.queueDeclare(work, true, false, false, shapes.work(dead));
                });
        declared.add(work);
    }

    /**
     * Declares the queue where retries of {@code queue} wait {@code delay}. It deletes itself an
     * hour after it was last declared, which is after its last message has moved on.
     */
    public void declareDelayQueue(String queue, Duration delay) {
        String name = names.delayQueue(queue, delay);
        withChannel(
                "declare queue " + name,
                ch ->
                        ch.queueDeclare(
                                name,
                                true,
                                false,
                                false,
                                shapes.delay(names.workQueue(queue), delay)));
    }

    /**
     * Declares a client's reply queue: durable, so replies survive a broker restart, and expiring.
     * With quorum it is a quorum queue, so replies also survive the loss of a cluster node; as a
     * quorum queue ignores the exclusive flag of a consumer, it is single-active-consumer instead:
     * a second consumer is not refused, but gets nothing while the client consumes.
     */
    public void declareReplyQueue(String name) {
        withChannel(
                "declare reply queue " + name,
                ch -> ch.queueDeclare(name, true, false, false, shapes.reply()));
    }

    /** Declares the direct exchange of refusal notices ({@link BrokerNames#notices()}). */
    public void declareNotices() {
        withChannel(
                "declare exchange " + names.notices(),
                ch -> ch.exchangeDeclare(names.notices(), "direct", true));
    }

    /** Lets notices routed by the name of {@code replyQueue} reach that queue, and only it. */
    public void bindToNotices(String replyQueue) {
        declareNotices();
        withChannel(
                "bind " + replyQueue + " to " + names.notices(),
                ch -> ch.queueBind(replyQueue, names.notices(), replyQueue));
    }

    /** Ready messages and consumers of a broker queue. */
    public record Depth(int messages, int consumers) {}

    /** The depth of a queue, or empty if it does not exist. */
    public Optional<Depth> inspect(String brokerQueue) {
        Depth[] result = new Depth[1];
        try {
            withChannel(
                    "inspect queue " + brokerQueue,
                    ch -> {
                        AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(brokerQueue);
                        result[0] = new Depth(ok.getMessageCount(), ok.getConsumerCount());
                    });
        } catch (BrokerRefusal e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(result[0]);
    }

    /**
     * Deletes a queue and its messages. While the connection recovers, this waits up to {@value
     * #RECOVERY_WAIT_SECONDS} s for the recovery to complete first, as the recovery would declare
     * the queue again; a delete that failed because the connection was lost is made again once it
     * has recovered.
     */
    public void delete(String brokerQueue) {
        String action = "delete queue " + brokerQueue;
        long recoveriesBefore = recovery.recoveries();
        try {
            recovery.awaitSettled(RECOVERY_WAIT);
            try {
                withChannel(action, ch -> ch.queueDelete(brokerQueue));
            } catch (WarrenException e) {
                if (connection.isOpen()
                        || !recovery.awaitRecoveryBeyond(recoveriesBefore, RECOVERY_WAIT)) {
                    throw e;
                }
                withChannel(action, ch -> ch.queueDelete(brokerQueue));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarrenException(action + " was interrupted", e);
        }
        declared.remove(brokerQueue);
    }

    private interface ChannelWork {
        void run(Channel channel) throws IOException;
    }

    /**
     * One long-lived channel, so that the client's automatic recovery can re-declare what was
     * declared on it; replaced when a refused declaration (a channel error) closes it.
     */
    private synchronized void withChannel(String action, ChannelWork work) {
        try {
            if (channel == null || !channel.isOpen() && connection.isOpen()) {
                channel = connection.createChannel();
            }
            work.run(channel);
        } catch (Exception e) {
            throw RabbitExceptions.translate(action, broker, e);
        }
    }
}
