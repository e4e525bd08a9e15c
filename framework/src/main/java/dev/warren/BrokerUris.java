package dev.warren;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Broker URIs: where they come from, what makes one acceptable, and how to show one without its
 * password. Errors never quote the password: a URI's text is redacted before it goes into one.
 *
 * <p>Several URIs, separated by commas, name the nodes of one cluster: they must agree on the
 * scheme (TLS), the user and password, the vhost and the query, because one connection factory
 * serves them all and only the address differs from node to node.
 */
final class BrokerUris {
    /** Read by {@link WarrenConfig.Builder#brokerUriFromEnvironment()} and by warren-worker. */
    static final String ENVIRONMENT_VARIABLE = "WARREN_BROKER_URI";

    private BrokerUris() {}

    static List<URI> fromEnvironment() {
        return fromEnvironment(ENVIRONMENT_VARIABLE, System::getenv);
    }

    /** The URIs in {@code variable} of {@code environment}; fails naming the variable if unset. */
    static List<URI> fromEnvironment(String variable, UnaryOperator<String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(
                    "environment variable "
                            + variable
                            + " is not set: set it to the broker URI, e.g."
                            + " amqps://user:password@rabbit.example:5671/vhost");
        }
        try {
            return parseList(value.strip());
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

    /**
     * The comma-separated URIs of {@code text}, each checked, and checked to agree with each other.
     */
    static List<URI> parseList(String text) {
        Objects.requireNonNull(text, "brokerUri");
        List<URI> uris = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new ConfigurationException(
                        "broker URI list has an empty entry: separate the URIs by single commas,"
                                + " e.g. amqp://guest:guest@node1:5672,amqp://guest:guest@node2:5672");
            }
            uris.add(check(parse(part.strip())));
        }
        return checkList(uris);
    }

    /** Each URI checked, the list not empty, no address twice, all agreeing on everything else. */
    static List<URI> checkList(List<URI> uris) {
        Objects.requireNonNull(uris, "brokerUris");
        if (uris.isEmpty()) {
            throw new ConfigurationException("broker URI list is empty: give at least one URI");
        }
        URI first = check(uris.get(0));
        Set<String> addresses = new HashSet<>();
        for (URI uri : uris) {
            check(uri);
            if (!addresses.add(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri))) {
                throw new ConfigurationException(
                        "broker URI list names " + redact(uri) + " twice: give each node once");
            }
            String disagreement = disagreement(first, uri);
            if (disagreement != null) {
                throw new ConfigurationException(
                        "broker URIs "
                                + redact(first)
                                + " and "
                                + redact(uri)
                                + " disagree on "
                                + disagreement
                                + ": every URI of the list must use the same user, password,"
                                + " vhost and TLS; only host and port may differ");
            }
        }
        return List.copyOf(uris);
    }

    /** The port a URI connects to: its own, else the scheme's default. */
    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "amqps".equals(uri.getScheme()) ? 5671 : 5672;
    }

    private static String disagreement(URI a, URI b) {
        if (!a.getScheme().equals(b.getScheme())) {
            return "TLS (" + a.getScheme() + ":// and " + b.getScheme() + "://)";
        }
        if (!Objects.equals(a.getRawUserInfo(), b.getRawUserInfo())) {
            return "the user or password";
        }
        if (!Objects.equals(orEmpty(a.getRawPath()), orEmpty(b.getRawPath()))) {
            return "the vhost";
        }
        if (!Objects.equals(a.getRawQuery(), b.getRawQuery())) {
            return "the query parameters";
        }
        return null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The URIs, each redacted, separated by commas. */
    static String redact(List<URI> uris) {
        return uris.stream().map(BrokerUris::redact).collect(Collectors.joining(","));
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
