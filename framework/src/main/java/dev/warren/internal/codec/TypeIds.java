package dev.warren.internal.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How classes get their Kryo ids. Warren keeps ids below {@value #FIRST_EXPLICIT_ID} and the block
 * from {@value #FIRST_WARREN_JDK_ID} to {@value #FIRST_DERIVED_ID} - 1 for itself; explicit ids
 * (through {@code WarrenConfig.Builder.register}) lie between; every other class takes an id
 * derived from its binary name, identical on every host and JVM.
 *
 * <pre>{@code
 * int id = TypeIds.derived("com.example.SumPrimes");   // the same everywhere, from 2^20 up
 * }</pre>
 */
public final class TypeIds {
    /** The lowest id an application may give a class explicitly. */
    public static final int FIRST_EXPLICIT_ID = 100;

    /** Warren's second block, for the JDK value types added after the first hundred ids. */
    public static final int FIRST_WARREN_JDK_ID = 1_000_000;

    /** The lowest derived id (2^20); explicit ids stay below {@link #FIRST_WARREN_JDK_ID}. */
    public static final int FIRST_DERIVED_ID = 1 << 20;

    /** Derived ids stay below 2^28, so that Kryo writes each (plus 2) in at most four bytes. */
    public static final int END_OF_DERIVED_IDS = 1 << 28;

    private TypeIds() {}

    /**
     * The id of a class that was given none: the first four bytes of the SHA-256 of its binary name
     * (UTF-8), taken modulo the derived range and placed above Warren's ids.
     */
    public static int derived(String binaryName) {
        byte[] hash = sha256().digest(binaryName.getBytes(StandardCharsets.UTF_8));
        long firstFour =
                ((hash[0] & 0xFFL) << 24)
                        | ((hash[1] & 0xFFL) << 16)
                        | ((hash[2] & 0xFFL) << 8)
                        | (hash[3] & 0xFFL);
        return FIRST_DERIVED_ID + (int) (firstFour % (END_OF_DERIVED_IDS - FIRST_DERIVED_ID));
    }

    /** Whether an application may give a class this id explicitly. */
    public static boolean isExplicit(int id) {
        return id >= FIRST_EXPLICIT_ID && id < FIRST_WARREN_JDK_ID;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
