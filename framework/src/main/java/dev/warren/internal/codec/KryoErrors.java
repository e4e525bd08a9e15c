package dev.warren.internal.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kryo's failures in Warren's words: which class, and what to do about it. Kryo's own hint (to call
 * {@code kryo.register}) is never passed on: applications do not hold a Kryo.
 *
 * <pre>{@code
 * throw KryoErrors.translate("cannot encode " + value.getClass().getName(), kryoException);
 * }</pre>
 */
final class KryoErrors {
    private static final Pattern UNREGISTERED = Pattern.compile("Class is not registered: (\\S+)");
    private static final Pattern UNKNOWN_ID =
            Pattern.compile("Encountered unregistered class ID: (-?\\d+)");

    private KryoErrors() {}

    static CodecException translate(String what, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher unregistered = UNREGISTERED.matcher(message);
        if (unregistered.find()) {
            return new CodecException(
                    what
                            + ": "
                            + unregistered.group(1)
                            + " is not a type Warren sends. Values must be records, enums, sealed"
                            + " interfaces of those, or the JDK types Warren supports (see"
                            + " docs/concepts.md); a class held in a field of type Object or"
                            + " List<Object> is not registered by its task: make it a record"
                            + " component of its own type",
                    true,
                    e);
        }
        Matcher unknownId = UNKNOWN_ID.matcher(message);
        if (unknownId.find()) {
            return new CodecException(
                    what
                            + ": class id "
                            + unknownId.group(1)
                            + " is not on this process's allow-list (its task classes and their"
                            + " types): put the task's class on the worker's classpath, or give"
                            + " it the same explicit id on both sides",
                    true,
                    e);
        }
        if (message.contains("unregistered class") || message.contains("not registered")) {
            return new CodecException(what + ": " + firstLine(message), true, e);
        }
        if (message.startsWith("Max depth exceeded")) {
            return new CodecException(
                    what + ": values nest deeper than the maximum depth, " + KryoCodec.MAX_DEPTH,
                    false,
                    e);
        }
        return new CodecException(what + ": " + firstLine(message), false, e);
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }
}
