package dev.warren.examples.thirty;

// readme:begin: README.md shows this file from here to readme:end (ReadmeExampleTest)
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.util.stream.LongStream;

/** A task is a record: its components are the arguments, {@code run} is the work. */
@TaskOptions(queue = "thirty-seconds", maxAttempts = 3, timeoutSeconds = 60)
public record SumPrimes(long below) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        return LongStream.range(2, below).filter(SumPrimes::isPrime).sum();
    }

    private static boolean isPrime(long n) {
        return LongStream.rangeClosed(2, (long) Math.sqrt(n)).noneMatch(d -> n % d == 0);
    }
}
// readme:end
