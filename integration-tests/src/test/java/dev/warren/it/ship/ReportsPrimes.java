package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** The sum and the number of the primes below {@code limit}, as a record of its own. */
@TaskOptions(queue = "it-shipped-types")
public record ReportsPrimes(int limit) implements Task<PrimeReport> {
    @Override
    public PrimeReport run(TaskContext context) {
        Sieve sieve = new Sieve(limit);
        return new PrimeReport(new PrimeAdder(sieve).sum(), (int) sieve.primes().count());
    }
}
