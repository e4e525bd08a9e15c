package com.example.checksums;

import dev.warren.TaskCatalog;

/** The classes the app sends through Warren; found by the ServiceLoader. */
public final class ChecksumCatalog implements TaskCatalog {
    @Override
    public void register(Registry registry) {
        registry.register(Checksum.class, 100)
                .register(ChecksumReport.class, 101)
                .register(Kind.class, 102)
                .register(Explode.class, 103)
                .register(Slow.class, 104);
    }
}
