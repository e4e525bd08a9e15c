package dev.warren.examples.thirty;

// readme:begin: README.md shows this file from here to readme:end (ReadmeExampleTest)
import dev.warren.TaskCatalog;

/** Every class that travels, with its Kryo id: the same on producers and workers. */
public final class PrimesCatalog implements TaskCatalog {
    @Override
    public void register(Registry registry) {
        registry.register(SumPrimes.class, 100);
    }
}
// readme:end
