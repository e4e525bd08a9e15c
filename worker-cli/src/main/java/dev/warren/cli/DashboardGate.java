package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * What every dashboard request passes before any endpoint sees it: a loopback Host header when
 * bound to loopback (DNS rebinding), the token (401 without, 403 wrong), and on a POST the header
 * {@code X-Warren-Dashboard: 1} (cross-site request forgery). A refused request is answered here.
 */
final class DashboardGate {
    static final String TOKEN_HEADER = "X-Warren-Token";

    private final boolean loopback;
    private final DashboardToken token;

    DashboardGate(boolean loopback, DashboardToken token) {
        this.loopback = loopback;
        this.token = token;
    }

    /** Whether the request may go on; if not, it has been answered. */
    boolean admits(HttpExchange exchange) throws IOException {
        if (!LoopbackHostHeader.allows(loopback, exchange.getRequestHeaders().getFirst("Host"))) {
            DashboardHttp.send(exchange, 403, "text/plain", "forbidden host");
            return false;
        }
        String presented = presentedToken(exchange);
        if (presented == null) {
            DashboardHttp.send(
                    exchange,
                    401,
                    "text/plain",
                    "this dashboard needs its token: open the address it printed");
            return false;
        }
        if (!token.matches(presented)) {
            DashboardHttp.send(exchange, 403, "text/plain", "wrong token");
            return false;
        }
        if ("POST".equals(exchange.getRequestMethod())
                && !"1".equals(exchange.getRequestHeaders().getFirst("X-Warren-Dashboard"))) {
            DashboardHttp.send(exchange, 403, "text/plain", "missing X-Warren-Dashboard header");
            return false;
        }
        return true;
    }

    private static String presentedToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (header != null) {
            return header;
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return pair.substring("token=".length());
            }
        }
        return null;
    }
}
