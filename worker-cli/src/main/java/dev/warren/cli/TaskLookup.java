package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's search for a task by id ({@code POST /api/lookup}, {@code id=...}): it reads the
 * dead-letter queues of the queues the console shows, the first {@value #READ_PER_QUEUE} letters of
 * each, and says where it looked and what it cannot see.
 */
final class TaskLookup {
    static final int READ_PER_QUEUE = 10_000;
    private static final int LONGEST_ID = 400;

    static final List<String> NOT_LOOKED =
            List.of(
                    "A task that succeeded leaves no trace to look up: its result went to the"
                            + " client that submitted it, and workers only count it (the"
                            + " Succeeded column, the warren_tasks_succeeded_total metric).",
                    "A task still waiting, or waiting for a retry, is in its work queue or a delay"
                            + " queue, which the console does not read: reading them would take"
                            + " tasks away from the workers.",
                    "A retried dead letter runs again under a new id; its old id is gone from"
                            + " the dead-letter queue.");

    private final Broker broker;
    private final Duration retryMaxAge;
    private final Supplier<Fleet.Snapshot> fleet;

    TaskLookup(Broker broker, Duration retryMaxAge, Supplier<Fleet.Snapshot> fleet) {
        this.broker = broker;
        this.retryMaxAge = retryMaxAge;
        this.fleet = fleet;
    }

    /** One lookup at a time: each reads whole dead-letter queues. */
    synchronized String find(Map<String, String> form) {
        String id = form.getOrDefault("id", "").strip();
        if (id.isEmpty() || id.length() > LONGEST_ID) {
            throw new WarrenException(
                    "give the task id to look up as id=..., 1 to " + LONGEST_ID + " characters");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        List<Map<String, Object>> looked = new ArrayList<>();
        for (Fleet.QueueRow q : fleet.get().queues()) {
            int read = 0;
            if (q.dead() > 0) {
                DeadLetters.Search search =
                        DeadLetters.of(broker, retryMaxAge)
                                .find(
                                        q.name(),
                                        d ->
                                                id.equals(d.id())
                                                        || id.equals(
                                                                DashboardDeadLetters.shownId(d)),
                                        READ_PER_QUEUE);
                read = search.read();
                for (DeadLetter.Detail d : search.found()) {
                    found.add(DashboardDeadLetters.json(q.name(), d));
                }
            }
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("queue", q.name());
            where.put("deadLetterQueue", BrokerLink.of(broker).names().deadLetterQueue(q.name()));
            where.put("read", read);
            where.put("held", q.dead());
            looked.add(where);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", SafeText.of(id));
        result.put("found", found);
        result.put("looked", looked);
        result.put("notLooked", NOT_LOOKED);
        return JsonText.of(result);
    }
}
