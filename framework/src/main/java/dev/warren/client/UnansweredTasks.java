package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import dev.warren.internal.transport.Topology;
import java.time.Duration;
import java.util.Optional;

/**
 * Explains a task that gave no reply in time by looking at its work queue once, on the timeout only
 * (a passive declare: consumers and messages ready): nobody consumes it, or workers do but none
 * answered.
 */
final class UnansweredTasks {
    private UnansweredTasks() {}

    static TaskTimeoutException timedOut(
            Topology topology, TaskId id, String type, String queue, Duration waited) {
        return new TaskTimeoutException(id, type, waited, why(topology, queue));
    }

    static String why(Topology topology, String queue) {
        String work = topology.names().workQueue(queue);
        Optional<Topology.Depth> depth;
        try {
            depth = topology.inspect(work);
        } catch (WarrenException e) {
            return "could not check " + work + ": " + e.getMessage();
        }
        return depth.map(d -> explain(work, d))
                .orElse("the queue " + work + " does not exist (deleted after the submit?)");
    }

    static String explain(String work, Topology.Depth depth) {
        if (depth.consumers() == 0) {
            return "no worker consumes "
                    + work
                    + " (0 consumers, "
                    + depth.messages()
                    + " ready): start a worker for it";
        }
        return depth.consumers()
                + " consumer"
                + (depth.consumers() == 1 ? "" : "s")
                + " on "
                + work
                + " ("
                + depth.messages()
                + " ready) but none answered: the task may be waiting or still running, or was"
                + " refused by a worker that could not tell this client (see "
                + work
                + ".dead and the workers' logs)";
    }
}
