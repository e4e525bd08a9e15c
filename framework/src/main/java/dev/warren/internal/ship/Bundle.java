package dev.warren.internal.ship;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A task's shipped code: class files and resources by path, in name order, and the task class they
 * are for. Its identity is the SHA-256 of its canonical encoding ({@link BundleFormat}), so the
 * same code gives the same hash on every producer and any change gives a new one.
 *
 * <pre>{@code
 * Bundle bundle = Bundle.of(DependencyWalk.from(SumPrimes.class).walk());
 * bundle.hash();   // "9f2c..." (64 hex digits)
 * }</pre>
 */
public record Bundle(String taskClass, SortedMap<String, byte[]> entries) {
    public Bundle {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static Bundle of(Shipment shipment) {
        return new Bundle(shipment.taskClass(), shipment.entries());
    }

    /**
     * The shipment's bundle, carrying the explicit Kryo ids ({@code binary name -> id}) of the
     * shipped classes among {@code explicitIds}; ids of classes it does not ship stay behind.
     */
    public static Bundle of(Shipment shipment, Map<String, Integer> explicitIds) {
        TreeMap<String, byte[]> entries = new TreeMap<>(shipment.entries());
        Map<String, Integer> shipped = new TreeMap<>();
        explicitIds.forEach(
                (name, id) -> {
                    if (shipment.ships(name)) {
                        shipped.put(name, id);
                    }
                });
        if (!shipped.isEmpty()) {
            entries.put(KryoIds.ENTRY, KryoIds.encode(shipped));
        }
        return new Bundle(shipment.taskClass(), entries);
    }

    /**
     * The explicit Kryo ids the producer gave the shipped classes, by binary name.
     *
     * @throws BundleRejectedException when the entry that holds them is malformed
     */
    public SortedMap<String, Integer> kryoIds() {
        byte[] entry = entries.get(KryoIds.ENTRY);
        return entry == null ? new TreeMap<>() : KryoIds.decode(entry);
    }

    /** Whether the bundle holds the class {@code binaryName}. */
    public boolean holdsClass(String binaryName) {
        return classFile(binaryName) != null;
    }

    /** The canonical bytes: what is hashed, signed, sent and cached. */
    public byte[] encoded() {
        return BundleFormat.encode(this);
    }

    /** Lower-case hex SHA-256 of {@link #encoded()}. */
    public String hash() {
        return hashOf(encoded());
    }

    static String hashOf(byte[] encoded) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The bytes of the class {@code binaryName}, or null when the bundle does not hold it. */
    byte[] classFile(String binaryName) {
        return entries.get(binaryName.replace('.', '/') + ".class");
    }
}
