package dev.warren.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What one test class made on the broker, deleted after it: the task queues it reset (their work,
 * dead-letter and retry-delay queues and their log of taken tasks) and every queue and exchange
 * whose name contains a name it was handed out.
 *
 * <p>Only the handed-out names are checked afterwards: they are unique to this class, so a queue
 * that still has one is this class's leftover, whatever else uses the broker. Fixed task queues may
 * be made again at any moment by another test run sharing the broker, so they are deleted but not
 * checked.
 */
final class ClassCleanup {
    private static final long SETTLE_SECONDS = 10;

    private final BrokerEndpoint broker;

    /** Broker names of work queues: their dead-letter, delay and taken-log queues go with them. */
    private final Set<String> workQueues = ConcurrentHashMap.newKeySet();

    private final Set<String> exchanges = ConcurrentHashMap.newKeySet();
    private final Set<String> uniqueNames = ConcurrentHashMap.newKeySet();

    ClassCleanup(BrokerEndpoint broker) {
        this.broker = broker;
    }

    void workQueue(String brokerWorkQueue) {
        workQueues.add(brokerWorkQueue);
    }

    /** An exchange to delete by its exact name, found without listing the broker. */
    void exchange(String name) {
        exchanges.add(name);
    }

    void uniqueName(String name) {
        uniqueNames.add(name);
    }

    /**
     * Deletes what the class made.
     *
     * @throws AssertionError naming the queues and exchanges with a handed-out name that are still
     *     there ten seconds later (checked where {@code rabbitmqctl} can list them)
     */
    void run() throws Exception {
        if (workQueues.isEmpty() && uniqueNames.isEmpty() && exchanges.isEmpty()) {
            return;
        }
        Set<String> queues = new TreeSet<>();
        for (String work : workQueues) {
            queues.add(work);
            queues.add(work + ".dead");
            queues.add(work + ".taken");
        }
        Optional<List<String>> listed = BrokerListing.queues(broker);
        listed.ifPresent(all -> all.stream().filter(this::isMadeByThisClass).forEach(queues::add));
        if (uniqueNames.isEmpty()) {
            delete(queues, exchanges);
            return;
        }
        Set<String> allExchanges = new TreeSet<>(exchanges);
        allExchanges.addAll(exchangesWithUniqueNames());
        delete(queues, allExchanges);
        if (listed.isPresent()) {
            awaitNoneLeft();
        }
    }

    private boolean isMadeByThisClass(String queue) {
        return hasUniqueName(queue)
                || workQueues.stream().anyMatch(work -> queue.startsWith(work + ".delay."));
    }

    private boolean hasUniqueName(String name) {
        return uniqueNames.stream().anyMatch(name::contains);
    }

    private List<String> exchangesWithUniqueNames() throws InterruptedException {
        return BrokerListing.exchanges(broker).orElse(List.of()).stream()
                .filter(this::hasUniqueName)
                .toList();
    }

    /**
     * A queue owned by a connection that is still closing (a child process just killed) cannot be
     * deleted yet, and goes by itself a moment later: so look again, for a while.
     */
    private void awaitNoneLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        while (true) {
            List<String> queues =
                    BrokerListing.queues(broker).orElse(List.of()).stream()
                            .filter(this::hasUniqueName)
                            .toList();
            List<String> exchanges = exchangesWithUniqueNames();
            if (queues.isEmpty() && exchanges.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the test class left these on the broker, still there "
                                + SETTLE_SECONDS
                                + " s after they were deleted: queues "
                                + queues
                                + ", exchanges "
                                + exchanges
                                + "; stop what declares them again (a worker, a client, a child"
                                + " process) before the class ends");
            }
            delete(queues, exchanges);
            Thread.sleep(250);
        }
    }

    private void delete(Iterable<String> queues, Iterable<String> exchanges) throws Exception {
        try (Connection connection = broker.connect("warren-test-cleanup")) {
            for (String queue : queues) {
                withChannel(connection, channel -> channel.queueDelete(queue));
            }
            for (String exchange : exchanges) {
                withChannel(connection, channel -> channel.exchangeDelete(exchange));
            }
        }
    }

    private interface ChannelWork {
        void run(Channel channel) throws IOException;
    }

    /** A channel per deletion: a refused one (another connection's exclusive queue) closes it. */
    private static void withChannel(Connection connection, ChannelWork work) throws Exception {
        Channel channel = connection.createChannel();
        try {
            work.run(channel);
        } catch (IOException refused) {
            return; // the check after it reports what could not be deleted
        }
        channel.close();
    }
}
