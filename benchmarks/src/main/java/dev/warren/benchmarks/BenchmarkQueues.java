package dev.warren.benchmarks;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;

/** The broker is shared with other people's work: a run deletes every queue it declared. */
final class BenchmarkQueues {
    private BenchmarkQueues() {}

    static void delete(WarrenConfig config, String... brokerQueues) {
        try (Broker broker = Broker.connect(config)) {
            for (String queue : brokerQueues) {
                BrokerLink.of(broker).topology().delete(queue);
            }
        }
    }

    /**
     * The no-op task's work queue, which the workers and the clients declare, its dead letters and
     * the workers' log of taken tasks.
     */
    static void deleteNoopQueues(WarrenConfig config) {
        delete(
                config,
                Topology.workQueue(NoopTask.QUEUE),
                Topology.deadLetterQueue(NoopTask.QUEUE),
                Topology.takenLog(NoopTask.QUEUE));
    }
}
