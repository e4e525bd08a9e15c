package dev.warren.it.ship;

/** Adds up a sieve's primes. */
final class PrimeAdder {
    private final Sieve sieve;

    PrimeAdder(Sieve sieve) {
        this.sieve = sieve;
    }

    long sum() {
        return sieve.primes().asLongStream().sum();
    }
}
