package dev.warren.examples.primes;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * Parallel Python's classic job: the sum of all primes below {@code below}, by trial division, so
 * that each task is honest CPU work.
 */
@TaskOptions(queue = "primes", maxAttempts = 2, timeoutSeconds = 300)
public record SumPrimes(long below) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        return sumBelow(below);
    }

    public static long sumBelow(long n) {
        long sum = 0;
        for (long candidate = 2; candidate < n; candidate++) {
            if (isPrime(candidate)) {
                sum += candidate;
            }
        }
        return sum;
    }

    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
