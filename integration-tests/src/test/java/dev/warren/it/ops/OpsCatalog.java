package dev.warren.it.ops;

import dev.warren.TaskCatalog;

/** The operations tests' tasks (ids 310+, apart from the other tests' catalogs). */
public final class OpsCatalog implements TaskCatalog {
    @Override
    public void register(Registry config) {
        config.register(OpsEcho.class, 310)
                .register(OpsBoom.class, 311)
                .register(OpsBrokenUntilFixed.class, 312)
                .register(OpsWork.class, 313);
    }
}
