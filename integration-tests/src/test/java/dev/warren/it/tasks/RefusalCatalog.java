package dev.warren.it.tasks;

import dev.warren.TaskCatalog;

/**
 * The tasks of the queue {@code it-refusals}, as the workers of {@code RefusedTasksIT} know them
 * (through {@code --catalog}); {@link NotOnWorkers} is missing on purpose.
 */
public final class RefusalCatalog implements TaskCatalog {
    @Override
    public void register(Registry config) {
        config.register(RefusalProbe.class, 240)
                .register(UnsendableResult.class, 241)
                .register(Pause.class, 242);
    }
}
