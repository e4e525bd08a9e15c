package dev.warren;

/**
 * A unit of work that runs on a worker process. Write tasks as records annotated with {@link
 * TaskOptions}: their components are the arguments and they are encoded with Kryo, under ids
 * derived from the class names, so there is nothing to register. The producer registers a task
 * class and the types it reaches at its first submit; a worker finds its task classes on its
 * classpath.
 *
 * <pre>{@code
 * @TaskOptions(queue = "primes", maxAttempts = 3, timeoutSeconds = 60)
 * public record SumPrimes(long below) implements Task<Long> {
 *     public Long run(TaskContext ctx) { return Primes.sumBelow(below); }
 * }
 * }</pre>
 *
 * @param <R> the result type: a record, an enum, a sealed interface of those, or a JDK type Warren
 *     supports (String, boxed primitives, java.time, collections of those, ...); anything else is
 *     refused at submit, naming it
 */
@FunctionalInterface
public interface Task<R> {
    /**
     * Runs the task on a worker. Throwing fails this attempt; the caller sees the exception's type,
     * message and stack trace in a {@code TaskFailedException}. Runs at least once: see {@link
     * TaskContext#redelivered()}.
     */
    R run(TaskContext context) throws Exception;
}
