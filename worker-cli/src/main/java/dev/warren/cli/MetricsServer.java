package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.WarrenException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a Prometheus registry's meters as text on {@code http://host:port/metrics}, for {@code
 * warren-worker --metrics-port}. Bound to loopback, it answers only Host headers naming loopback,
 * so a web page cannot read it through DNS rebinding.
 */
final class MetricsServer implements AutoCloseable {
    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    static MetricsServer start(PrometheusMeterRegistry registry, String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            boolean loopback = address.isLoopbackAddress();
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 8);
            server.createContext(
                    "/metrics",
                    exchange -> {
                        try (exchange) {
                            if (!LoopbackHostHeader.allows(
                                    loopback, exchange.getRequestHeaders().getFirst("Host"))) {
                                respond(exchange, 403, "forbidden host");
                            } else if (!"GET".equals(exchange.getRequestMethod())) {
                                respond(exchange, 405, "method not allowed");
                            } else {
                                respond(exchange, 200, registry.scrape());
                            }
                        }
                    });
            server.start();
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new WarrenException(
                    "cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
