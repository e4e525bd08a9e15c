package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How every dashboard response is written, and where its page's files come from. */
final class DashboardHttp {
    private DashboardHttp() {}

    static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // the page's address holds the token: never hand it to another site
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void json(HttpExchange exchange, String json) throws IOException {
        send(exchange, 200, "application/json", json);
    }

    static void sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            send(exchange, status, "application/json", json);
        } catch (IOException | RuntimeException e) {
            // the response was already started, or the client is gone
        }
    }

    /** A file of the page ({@code dashboard/<name>} in this jar), or null. */
    static String resourceText(String name) throws IOException {
        try (InputStream in = DashboardHttp.class.getResourceAsStream("dashboard/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void resource(HttpExchange exchange, String name, String type) throws IOException {
        String text = resourceText(name);
        if (text == null) {
            send(exchange, 404, "text/plain", "missing resource " + name);
        } else {
            send(exchange, 200, type, text);
        }
    }
}
