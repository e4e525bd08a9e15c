package dev.warren.ops;

import dev.warren.Broker;
import dev.warren.internal.transport.BrokerLink;

/**
 * What the broker says about the work queue or the dead-letter queue of a Warren queue.
 *
 * <pre>{@code
 * QueueStats s = QueueStats.ofWorkQueue(broker, "primes");
 * System.out.println(s.ready() + " waiting, " + s.consumers() + " consumers");
 * }</pre>
 *
 * @param name the broker queue name
 * @param exists false if there is no such queue
 * @param ready messages waiting to be delivered
 * @param consumers consumers attached
 */
public record QueueStats(String name, boolean exists, int ready, int consumers) {

    /** The work queue ({@code warren.<queue>}) of a logical queue. */
    public static QueueStats ofWorkQueue(Broker broker, String queue) {
        return of(broker, BrokerLink.of(broker).names().workQueue(queue));
    }

    /** The dead-letter queue ({@code warren.<queue>.dead}) of a logical queue. */
    public static QueueStats ofDeadLetters(Broker broker, String queue) {
        return of(broker, BrokerLink.of(broker).names().deadLetterQueue(queue));
    }

    private static QueueStats of(Broker broker, String brokerQueue) {
        return BrokerLink.of(broker)
                .topology()
                .inspect(brokerQueue)
                .map(
                        depth ->
                                new QueueStats(
                                        brokerQueue, true, depth.messages(), depth.consumers()))
                .orElse(new QueueStats(brokerQueue, false, 0, 0));
    }
}
