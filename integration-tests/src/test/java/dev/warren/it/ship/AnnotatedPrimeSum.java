package dev.warren.it.ship;

import dev.warren.ShipCode;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** {@link ShippedPrimeSum}, shipped by its annotation alone, with no shipping in the config. */
@ShipCode
@TaskOptions(queue = "it-shipped-types")
public record AnnotatedPrimeSum(int limit) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        return new PrimeAdder(new Sieve(limit)).sum();
    }
}
