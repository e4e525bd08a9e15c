package dev.warren.it.ship;

import java.util.BitSet;

/** The primes below a limit. */
final class Sieve {
    private final BitSet composite = new BitSet();
    private final int limit;

    Sieve(int limit) {
        this.limit = limit;
        for (int i = 2; (long) i * i < limit; i++) {
            if (!composite.get(i)) {
                for (int j = i * i; j < limit; j += i) {
                    composite.set(j);
                }
            }
        }
    }

    java.util.stream.IntStream primes() {
        return java.util.stream.IntStream.range(2, Math.max(2, limit))
                .filter(i -> !composite.get(i));
    }
}
