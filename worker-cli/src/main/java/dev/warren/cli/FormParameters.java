package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a dashboard request: its query string and an urlencoded body (64 KiB at most).
 */
final class FormParameters {
    private static final int MOST_BODY_BYTES = 64 * 1024;

    private FormParameters() {}

    static Map<String, String> of(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), form);
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MOST_BODY_BYTES);
            parse(new String(body, StandardCharsets.UTF_8), form);
        }
        return form;
    }

    static void parse(String text, Map<String, String> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }
}
