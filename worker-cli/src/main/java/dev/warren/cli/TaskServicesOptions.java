package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.sync.Coordinator;
import dev.warren.worker.WorkerConfig;
import picocli.CommandLine.Option;

/** The worker's options for what its tasks may use beside their own code. */
final class TaskServicesOptions {
    @Option(
            names = "--coordination",
            description =
                    "Give tasks a Coordinator (locks, semaphores, events, shared maps) through"
                            + " TaskContext.service(Coordinator.class), on a connection of its own")
    boolean coordination;

    @Option(
            names = "--task-client",
            description =
                    "Give tasks a TaskClient through TaskContext.service(TaskClient.class), so a"
                            + " task can submit tasks of its own (a shipped task's travel in its"
                            + " bundle)")
    boolean taskClient;

    /** The services these options ask for, opened and registered on {@code worker}. */
    Opened open(WarrenConfig config, Broker broker, WorkerConfig.Builder worker) {
        Coordinator coordinator = null;
        TaskClient client = null;
        try {
            if (coordination) {
                coordinator = Coordinator.connect(config);
                worker.service(Coordinator.class, coordinator);
            }
            if (taskClient) {
                client = new TaskClient(broker);
                worker.service(TaskClient.class, client);
            }
            return new Opened(coordinator, client);
        } catch (RuntimeException e) {
            new Opened(coordinator, client).close();
            throw e;
        }
    }

    /** What was opened, closed in reverse order when the worker has stopped. */
    record Opened(Coordinator coordinator, TaskClient client) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
            if (coordinator != null) {
                coordinator.close();
            }
        }
    }
}
