package dev.warren;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Broker URIs: where they come from, what makes one acceptable, and how to show one without its
 * password. Errors never quote the password: a URI's text is redacted before it goes into one.
 */
final class BrokerUris {
    /** Read by {@link WarrenConfig.Builder#brokerUriFromEnvironment()} and by warren-worker. */
    static final String ENVIRONMENT_VARIABLE = "WARREN_BROKER_URI";

    private BrokerUris() {}

    /** The URI in {@code variable} of {@code environment}; fails naming the variable if unset. */
    static URI fromEnvironment(String variable, UnaryOperator<String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(
                    "environment variable "
                            + variable
                            + " is not set: set it to the broker URI, e.g."
                            + " amqps://user:password@rabbit.example:5671/vhost");
        }
        try {
            return check(parse(value.strip()));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(
                    "environment variable " + variable + ": " + e.getMessage(), e);
        }
    }

    static URI check(URI uri) {
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

    static URI parse(String uri) {
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
}
