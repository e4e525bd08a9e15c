package dev.warren.sync;

import dev.warren.ConfigurationException;
import dev.warren.internal.transport.BrokerNames;
import java.util.regex.Pattern;

/**
 * The broker names of the coordination primitives, all under {@code warren.sync.} (or {@code
 * warren@<namespace>.sync.}), so operators can tell them apart from work queues and clean them up
 * by prefix.
 */
final class SyncNames {
    /**
     * Separates a primitive's own queues from its name: user names cannot contain it, so lock
     * {@code a#seq} cannot collide with the sequencer of lock {@code a}.
     */
    static final String SUFFIX = "#";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private SyncNames() {}

    /** Checks a user-given primitive name; {@code kind} is "lock", "semaphore" and so on. */
    static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException(
                    kind
                            + " name must be 1-200 letters, digits, '.', '_', ':' or '-' and start"
                            + " with a letter or digit, was: "
                            + name);
        }
        return name;
    }

    static String base(String namespace, String kind, String name) {
        return BrokerNames.of(namespace).syncPrefix() + kind + "." + check(kind, name);
    }

    /**
     * Exists once initialisation finished: its presence means "the signed tokens are in place". A
     * new name for signed tokens, so a primitive made by a version that wrote plain tokens is made
     * again instead of being left with tokens every taker drops.
     */
    static String readyMarker(String base) {
        return base + SUFFIX + "ready-v2";
    }

    /** The marker of a version that wrote plain tokens: deleted with the primitive. */
    static String earlierReadyMarker(String base) {
        return base + SUFFIX + "ready";
    }

    /** Exclusive queue used as a mutex while a primitive is initialised. */
    static String initMutex(String base) {
        return base + SUFFIX + "init";
    }

    static String part(String base, String part) {
        return base + SUFFIX + part;
    }

    static String describe(String kind, String name) {
        return kind + " '" + name + "'";
    }
}
