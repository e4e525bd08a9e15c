package dev.warren.internal.ship;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the walk found for one task class: the class files and resources to ship, by path in the
 * class path ({@code com/acme/Task.class}), the lookups it could not follow, and the classes that
 * were referred to but are on no class path of the producer (an optional dependency, say).
 *
 * <pre>{@code
 * Shipment s = DependencyWalk.from(SumPrimes.class).walk();
 * s.entries().keySet();   // [com/acme/Helper.class, com/acme/SumPrimes.class, com/acme/primes.txt]
 * }</pre>
 */
public record Shipment(
        String taskClass,
        SortedMap<String, byte[]> entries,
        List<Blindspot> blindspots,
        SortedSet<String> missing) {

    public Shipment {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        blindspots = List.copyOf(blindspots);
        missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
    }

    /** Whether the class {@code binaryName} ({@code com.acme.Task$1}) is shipped. */
    public boolean ships(String binaryName) {
        return entries.containsKey(binaryName.replace('.', '/') + ".class");
    }
}
