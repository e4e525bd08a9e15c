package dev.warren.examples.progress;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.examples.primes.SumPrimes;
import java.util.stream.LongStream;

/** How many primes there are below {@code below}; on a queue of its own, for the progress bar. */
@TaskOptions(queue = CountPrimes.QUEUE, maxAttempts = 2, timeoutSeconds = 300)
public record CountPrimes(long below) implements Task<Long> {
    public static final String QUEUE = "progress-bar";

    @Override
    public Long run(TaskContext context) {
        return LongStream.range(2, below).filter(SumPrimes::isPrime).count();
    }
}
