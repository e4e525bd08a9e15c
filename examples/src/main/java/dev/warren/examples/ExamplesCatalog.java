package dev.warren.examples;

import dev.warren.TaskCatalog;
import dev.warren.examples.primes.SumPrimes;
import dev.warren.examples.progress.CountPrimes;

/**
 * Every class the examples send through Warren, with its Kryo id. Producers apply it with {@code
 * WarrenConfig.custom().catalog(new ExamplesCatalog())}; {@code warren-worker} finds it through
 * {@code META-INF/services/dev.warren.TaskCatalog} in the examples jar. The thirty-seconds example
 * has a catalog of its own, {@code thirty.PrimesCatalog}, whose task takes id 100 too: its workers
 * name it with {@code --catalog}.
 */
public final class ExamplesCatalog implements TaskCatalog {
    @Override
    public void register(Registry registry) {
        registry.register(SumPrimes.class, 100).register(CountPrimes.class, 101);
    }
}
