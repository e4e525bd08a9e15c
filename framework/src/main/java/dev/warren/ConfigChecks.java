package dev.warren;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The checks of {@link WarrenConfig.Builder}'s setters: each names the value that is wrong. */
final class ConfigChecks {
    private ConfigChecks() {}

    static URI brokerUri(URI uri) {
        Objects.requireNonNull(uri, "brokerUri");
        String scheme = uri.getScheme();
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
            throw new ConfigurationException(
                    "broker URI must start with amqp:// or amqps://, was: " + redact(uri));
        }
        if (uri.getHost() == null) {
            throw new ConfigurationException("broker URI has no host: " + redact(uri));
        }
        return uri;
    }

    static URI parseUri(String uri) {
        try {
            return new URI(Objects.requireNonNull(uri, "brokerUri"));
        } catch (URISyntaxException e) {
            // the exception's message quotes the whole input, password included
            throw new ConfigurationException(
                    "broker URI is not a URI: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** The URI with its password replaced by {@code ***}. */
    static String redact(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return uri.toString();
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return uri.toString().replace(userInfo + "@", user + ":***@");
    }

    static Duration atLeastOneSecond(String name, Duration value) {
        positive(name, value);
        if (value.toMillis() < 1000) {
            throw new ConfigurationException(name + " must be at least 1s, was " + value);
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
