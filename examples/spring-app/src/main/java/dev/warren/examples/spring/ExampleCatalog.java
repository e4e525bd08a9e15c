package dev.warren.examples.spring;

import dev.warren.TaskCatalog;

/** The classes that travel, with their Kryo ids; {@code warren.catalog} names this class. */
public final class ExampleCatalog implements TaskCatalog {
    @Override
    public void register(Registry registry) {
        registry.register(PrepareInvoice.class, 100);
    }
}
