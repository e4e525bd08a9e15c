package dev.warren.spring;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The broker URI (or each of a comma-separated list) with {@code warren.broker.username} and {@code
 * password} in place of the URI's own. Both are percent-encoded, so a password holding {@code @},
 * {@code :} or {@code /} reaches RabbitMQ as it was written.
 */
final class BrokerUris {
    private BrokerUris() {}

    /**
     * Each URI of the comma-separated {@code uris} with the credentials; blank entries stay as they
     * are, for Warren to refuse with its own sentence.
     */
    static String withCredentials(String uris, String username, String password) {
        StringJoiner joined = new StringJoiner(",");
        for (String part : uris.split(",", -1)) {
            joined.add(
                    part.isBlank()
                            ? part
                            : withCredentials(parse(part.strip()), username, password).toString());
        }
        return joined.toString();
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            // the exception's message quotes the whole input, password included
            throw new WarrenPropertyException(
                    "warren.broker.uri",
                    "broker URI is not a URI: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    static URI withCredentials(URI uri, String username, String password) {
        if (username == null && password == null) {
            return uri;
        }
        String user = username != null ? encode(username) : currentUser(uri);
        if (user == null) {
            throw new WarrenPropertyException(
                    "warren.broker.password",
                    "a password needs a user: set warren.broker.username or put the user in"
                            + " warren.broker.uri");
        }
        String secret = password != null ? encode(password) : currentPassword(uri);
        String userInfo = secret == null ? user : user + ":" + secret;
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(userInfo);
        text.append('@').append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        return URI.create(text.toString());
    }

    private static String currentUser(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    private static String currentPassword(URI uri) {
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? null : userInfo.substring(colon + 1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
