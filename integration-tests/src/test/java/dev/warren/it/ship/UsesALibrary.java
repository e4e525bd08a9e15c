package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * Asks a Hamcrest matcher (a library on this producer's class path, not in the worker jar) whether
 * the sum of the primes below {@code limit}, from the shipped helpers, is {@code expected}.
 */
@TaskOptions(queue = "it-shipped-code")
public record UsesALibrary(int limit, long expected) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        long sum = new PrimeAdder(new Sieve(limit)).sum();
        Matcher<Long> matcher = Matchers.equalTo(expected);
        return matcher.matches(sum) ? "matches " + matcher : "differs from " + matcher;
    }
}
