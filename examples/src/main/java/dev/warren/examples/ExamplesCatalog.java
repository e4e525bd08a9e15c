package dev.warren.examples;

import dev.warren.TaskCatalog;
import dev.warren.examples.primes.SumPrimes;

/**
 * Every class the examples send through Warren, with its Kryo id. Producers apply it with {@code
 * WarrenConfig.custom().catalog(new ExamplesCatalog())}; {@code warren-worker} finds it through
 * {@code META-INF/services/dev.warren.TaskCatalog} in the examples jar.
 */
public final class ExamplesCatalog implements TaskCatalog {
    @Override
    public void register(Registry config) {
        config.register(SumPrimes.class, 100);
    }
}
