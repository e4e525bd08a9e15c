package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** The sum of the primes below {@code limit}, through two helper classes only the producer has. */
@TaskOptions(queue = "it-shipped-code")
public record ShippedPrimeSum(int limit) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        return new PrimeAdder(new Sieve(limit)).sum();
    }
}
