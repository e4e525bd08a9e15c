package dev.warren.worker;

import dev.warren.TaskContext;
import dev.warren.TaskId;
import java.time.Instant;
import java.util.Optional;

/** The context of one attempt of one task. */
record RunningTask(
        TaskId taskId,
        int attempt,
        int maxAttempts,
        boolean redelivered,
        Instant deadline,
        String queue,
        ServiceLocator services)
        implements TaskContext {

    @Override
    public <S> Optional<S> service(Class<S> type) {
        return services.find(type);
    }
}
