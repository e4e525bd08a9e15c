package dev.warren.worker;

import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Connections;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Wires a worker's pipeline: admission, the timed run and the effects on its broker. */
final class PipelineAssembly {
    private PipelineAssembly() {}

    static TaskPipeline assemble(
            BrokerLink broker,
            WorkerConfig config,
            Clock clock,
            PipelineCounters counters,
            WorkerMeters meters,
            ReplayCheck replays,
            ExecutorService taskThreads,
            StuckTasks stuck) {
        WorkerPort port = new BrokerWorkerPort(broker);
        return new TaskPipeline(
                new Admission(
                        broker.sealer(),
                        broker.protocol(),
                        clock,
                        broker.config(),
                        replays,
                        ShippedTasks.of(broker, config.codeAcceptance(), clock)),
                replays,
                new TimedRun(taskThreads, config.timeoutGrace(), stuck),
                new Effects(
                        port,
                        broker.protocol(),
                        clock,
                        counters,
                        meters,
                        Connections.processIdentity(),
                        new CallerNotices(
                                port,
                                broker.protocol(),
                                broker.notices(),
                                Connections.processIdentity(),
                                broker.config().signingKeys().ids()),
                        broker.names()),
                clock,
                counters,
                meters,
                config);
    }
}
