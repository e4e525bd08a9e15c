package dev.warren;

/**
 * A unit of work that runs on a worker process. Write tasks as records: their components are the
 * arguments, they are encoded with Kryo, and the class must be registered with an explicit id on
 * both the producer and the worker.
 *
 * <pre>{@code
 * @TaskOptions(queue = "primes", maxAttempts = 3, timeoutSeconds = 60)
 * public record SumPrimes(long below) implements Task<Long> {
 *     public Long run(TaskContext ctx) { return Primes.sumBelow(below); }
 * }
 * }</pre>
 *
 * @param <R> the result type; it must be registered too, unless it is a built-in type (String,
 *     boxed primitives, byte[], lists and maps of those)
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
