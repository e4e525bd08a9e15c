package dev.warren.worker;

import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.transport.BrokerNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker makes of the queues it was told to consume, before it consumes them: a queue given
 * with a broker prefix ({@code warren.images}, {@code warren@acme.images}) means the logical queue
 * ({@code images}) and is consumed as such; a queue no known task class uses, and a known task
 * class whose queue is not consumed, each get a warning. It decides and words; the worker logs.
 *
 * <pre>{@code
 * QueueChecks.Plan plan = QueueChecks.plan(List.of("warren.images"), List.of(MakeThumbnail.class), BrokerNames.DEFAULT);
 * plan.queues();   // ["images"]
 * plan.warnings(); // one sentence: the prefix was dropped
 * }</pre>
 */
final class QueueChecks {
    private static final Pattern PREFIXED = Pattern.compile("warren(?:@([^.]+))?\\.(.+)");

    private QueueChecks() {}

    /**
     * @param queues the logical queues to consume, each once
     * @param warnings one sentence per thing worth a warning
     */
    record Plan(List<String> queues, List<String> warnings) {}

    /** {@code given} consuming the plan's queues; each warning goes to {@code warn}. */
    static WorkerConfig applied(
            WorkerConfig given,
            Collection<Class<?>> knownTasks,
            BrokerNames names,
            java.util.function.Consumer<String> warn) {
        Plan plan = plan(given.queues(), knownTasks, names);
        plan.warnings().forEach(warn);
        return given.withQueues(plan.queues());
    }

    static Plan plan(List<String> given, Collection<Class<?>> knownTasks, BrokerNames names) {
        List<String> warnings = new ArrayList<>();
        Set<String> queues = new LinkedHashSet<>();
        for (String queue : given) {
            String logical = withoutPrefix(queue, names, warnings);
            if (!queues.add(logical)) {
                warnings.add(
                        "queue '"
                                + queue
                                + "' is the queue '"
                                + logical
                                + "' given before: consumed once");
            }
        }
        Map<String, List<String>> tasksByQueue = new LinkedHashMap<>();
        for (Class<?> type : knownTasks) {
            tasksByQueue
                    .computeIfAbsent(TaskDefinition.of(type).queue(), q -> new ArrayList<>())
                    .add(type.getSimpleName());
        }
        if (!knownTasks.isEmpty()) {
            for (String queue : queues) {
                if (!tasksByQueue.containsKey(queue)) {
                    warnings.add(
                            "queue '"
                                    + queue
                                    + "' is the queue of no task class this worker knows (they use "
                                    + String.join(", ", tasksByQueue.keySet())
                                    + "); check its spelling, or it only runs tasks sent there"
                                    + " with SubmitOptions.onQueue");
                }
            }
        }
        Map<String, List<String>> unconsumed = new LinkedHashMap<>(tasksByQueue);
        unconsumed.keySet().removeAll(queues);
        if (unconsumed.size() == 1) {
            Map.Entry<String, List<String>> only = unconsumed.entrySet().iterator().next();
            List<String> types = only.getValue();
            warnings.add(
                    String.join(", ", types)
                            + (types.size() == 1 ? " goes" : " go")
                            + " to queue '"
                            + only.getKey()
                            + "', which this worker does not consume; another worker must, or this"
                            + " one must consume '"
                            + only.getKey()
                            + "' too");
        } else if (unconsumed.size() > 1) {
            // one line, not one per queue: an application's worker often runs a few of many queues
            List<String> listed = new ArrayList<>();
            unconsumed.forEach(
                    (queue, types) ->
                            listed.add("'" + queue + "' (" + String.join(", ", types) + ")"));
            warnings.add(
                    unconsumed.size()
                            + " queues of task classes this worker knows are not consumed by it: "
                            + String.join(", ", listed)
                            + "; other workers must consume them, or this one must");
        }
        return new Plan(List.copyOf(queues), List.copyOf(warnings));
    }

    /**
     * Checks a queue as given to a worker: a logical name, or one with a broker prefix the plan
     * will drop.
     */
    static String checkGiven(String queue) {
        Matcher m = queue == null ? null : PREFIXED.matcher(queue);
        TaskDefinition.checkQueueName(m != null && m.matches() ? m.group(2) : queue);
        return queue;
    }

    private static String withoutPrefix(String queue, BrokerNames names, List<String> warnings) {
        Matcher m = PREFIXED.matcher(queue);
        if (!m.matches()) {
            return queue;
        }
        String logical = TaskDefinition.checkQueueName(m.group(2));
        String named = m.group(1) == null ? "" : m.group(1);
        String sentence =
                "queue '"
                        + queue
                        + "' is given with the broker's prefix: queues are named without it, so"
                        + " this worker consumes '"
                        + logical
                        + "' (broker queue "
                        + names.workQueue(logical)
                        + ")";
        if (!named.equals(names.namespace())) {
            sentence +=
                    "; the prefix names "
                            + describe(named)
                            + " but this worker is in "
                            + describe(names.namespace());
        }
        warnings.add(sentence);
        return logical;
    }

    private static String describe(String namespace) {
        return namespace.isEmpty() ? "no namespace" : "namespace '" + namespace + "'";
    }
}
