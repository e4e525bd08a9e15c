package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dashboard's endpoints by path, each answering one method. GETs change nothing; whatever reads
 * dead letters (it takes them off their queue for a moment) is a POST.
 */
final class DashboardRoutes {
    /** What an endpoint does with a request that passed the gate. */
    @FunctionalInterface
    interface Endpoint {
        void answer(HttpExchange exchange) throws IOException;
    }

    private record Route(String method, Endpoint endpoint) {}

    private final Map<String, Route> routes = new TreeMap<>();

    DashboardRoutes get(String path, Endpoint endpoint) {
        routes.put(path, new Route("GET", endpoint));
        return this;
    }

    DashboardRoutes post(String path, Endpoint endpoint) {
        routes.put(path, new Route("POST", endpoint));
        return this;
    }

    Set<String> paths() {
        return Collections.unmodifiableSet(routes.keySet());
    }

    void dispatch(HttpExchange exchange) throws IOException {
        Route route = routes.get(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        if (route == null) {
            DashboardHttp.send(exchange, 404, "text/plain", "not found");
        } else if (!route.method().equals(method)) {
            DashboardHttp.send(
                    exchange,
                    405,
                    "text/plain",
                    "POST".equals(route.method())
                            ? "POST only: it takes messages"
                            : route.method() + " only");
        } else {
            route.endpoint().answer(exchange);
        }
    }
}
