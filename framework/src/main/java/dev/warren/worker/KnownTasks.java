package dev.warren.worker;

import dev.warren.Task;
import dev.warren.TaskOptions;
import dev.warren.WarrenConfig;
import java.util.List;

/**
 * The task classes a worker's configuration knows, for the queue checks at start: the registered
 * classes that are tasks and say their queue with {@link TaskOptions}.
 *
 * <pre>{@code
 * List<Class<?>> known = KnownTasks.of(broker.config());
 * }</pre>
 */
final class KnownTasks {
    private KnownTasks() {}

    static List<Class<?>> of(WarrenConfig config) {
        return config.registrations().keySet().stream()
                .filter(Task.class::isAssignableFrom)
                .filter(type -> type.isAnnotationPresent(TaskOptions.class))
                .toList();
    }
}
