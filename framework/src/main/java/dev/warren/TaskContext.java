package dev.warren;

import java.time.Instant;
import java.util.Optional;

/**
 * What a running task can learn about its own execution. Delivery is at least once, so a task with
 * side effects should use {@link #taskId()} as an idempotency key: it is the same on every attempt
 * and every redelivery of the same submission.
 *
 * <pre>{@code
 * public Receipt run(TaskContext ctx) {
 *     return payments.charge(ctx.taskId().toString(), amount);   // the payment service dedupes by key
 * }
 * }</pre>
 */
public interface TaskContext {
    /** The id given at submission; stable across retries and redeliveries. */
    TaskId taskId();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** The most attempts this task gets, from {@link TaskOptions#maxAttempts()}. */
    int maxAttempts();

    /**
     * True when the broker delivered this message before, for example because a worker died while
     * running it: the task may already have run, fully or in part.
     */
    boolean redelivered();

    /** When the task must finish; past it the worker interrupts the task's thread. */
    Instant deadline();

    /** The queue the task came from (without the {@code warren.} prefix). */
    String queue();

    /**
     * A service the worker's application registered with {@code WorkerConfig.service(type, obj)},
     * such as a database pool, or that its {@code serviceLookup} finds, so task records carry only
     * data.
     */
    <S> Optional<S> service(Class<S> type);
}
