package dev.warren.worker;

import dev.warren.ConfigurationException;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.types.TaskScan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list a worker forms at start, before it decodes anything: the configuration's task
 * classes, or else the {@code @TaskOptions} records found on the application's classpath, each
 * registered with the types it reaches.
 */
final class KnownTasks {
    private KnownTasks() {}

    /** Registers the worker's task classes; returns each with its queue, in the order found. */
    static Map<Class<?>, String> admit(BrokerLink broker) {
        return admit(broker, false);
    }

    /** As {@link #admit(BrokerLink)}; a worker that accepts shipped code may know no task. */
    static Map<Class<?>, String> admit(BrokerLink broker, boolean acceptsCode) {
        List<Class<?>> classes = broker.config().tasks();
        if (classes.isEmpty()) {
            classes = TaskScan.taskClasses(TaskScan.applicationClasspath(), loader());
        }
        if (classes.isEmpty() && !acceptsCode) {
            throw new ConfigurationException(
                    "this worker found no task class, so it could decode no task: annotate the task"
                            + " records with @TaskOptions and put them on the classpath, or name"
                            + " them with WarrenConfig.Builder.tasks(...)");
        }
        Map<Class<?>, String> known = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            broker.types().admit(type);
            known.put(type, TaskDefinition.of(type).queue());
        }
        return Collections.unmodifiableMap(known);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : KnownTasks.class.getClassLoader();
    }
}
