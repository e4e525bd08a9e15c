package dev.warren;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The checks of {@link WarrenConfig.Builder}'s setters: each names the value that is wrong. */
final class ConfigChecks {
    private ConfigChecks() {}

    static Duration atLeastOneSecond(String name, Duration value) {
        positive(name, value);
        if (value.toMillis() < 1000) {
            throw new ConfigurationException(name + " must be at least 1s, was " + value);
        }
        return value;
    }

    /** Holds no dot and no '@', so a broker name's root (before its first dot) is unambiguous. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    static String namespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return "";
        }
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new ConfigurationException(
                    "namespace must be 1-40 lowercase letters, digits, '_' or '-', starting with a"
                            + " letter or digit (no dots: a namespace ends at the first dot of a"
                            + " broker name), was: "
                            + namespace);
        }
        return namespace;
    }

    static void signingKeysGiven(SigningKeys keys) {
        if (keys == null) {
            throw new ConfigurationException(
                    "signingKeys are required: every message is signed (for example"
                            + " SigningKeys.fromEnvironment(), which reads "
                            + SigningKeys.ENVIRONMENT_VARIABLE
                            + ")");
        }
    }

    static String notBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(what + " must not be blank");
        }
        return value;
    }

    /** Whether {@code type} may take Kryo id {@code id} beside the registrations so far. */
    static void registration(Map<Class<?>, Integer> registrations, Class<?> type, int id) {
        Objects.requireNonNull(type, "type");
        if (id < WarrenConfig.FIRST_USER_TYPE_ID || id >= 1_000_000) {
            throw new ConfigurationException(
                    "Kryo id of "
                            + type.getName()
                            + " must be from "
                            + WarrenConfig.FIRST_USER_TYPE_ID
                            + " to 999999 (lower ids, and those from 1000000 up, are Warren's or"
                            + " derived from class names), was "
                            + id);
        }
        registrations.forEach(
                (other, otherId) -> {
                    if (otherId == id && other != type) {
                        throw new ConfigurationException(
                                "Kryo id "
                                        + id
                                        + " is given to both "
                                        + other.getName()
                                        + " and "
                                        + type.getName());
                    }
                });
        Integer previous = registrations.get(type);
        if (previous != null && previous != id) {
            throw new ConfigurationException(
                    type.getName() + " is registered twice, with ids " + previous + " and " + id);
        }
    }

    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new ConfigurationException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigurationException(name + " must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new ConfigurationException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
