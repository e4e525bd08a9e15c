package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.WorkerRoster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: a static page (HTML and JavaScript from this jar, no build step) that polls
 * {@code GET /api/state}, reads dead letters through {@code POST /api/dead-letters} (reading one
 * takes it off its queue for a moment, so it is not a GET) and retries or purges them through
 * {@code POST /api/dead-letters/retry} and {@code /purge}.
 *
 * <p>Every request must carry the dashboard's token, as the header {@code X-Warren-Token} or as
 * {@code ?token=} (the page's address, {@link #url()}, has it): 401 without one, 403 with a wrong
 * one. It binds to 127.0.0.1 by default; on a loopback address it also refuses requests whose Host
 * header is not a loopback name (DNS rebinding), and every POST must carry the header {@code
 * X-Warren-Dashboard: 1}, which a foreign web page cannot send without a CORS preflight this server
 * never approves (cross-site request forgery).
 *
 * <pre>{@code
 * try (DashboardServer server =
 *         DashboardServer.start(broker, "127.0.0.1", 8080, List.of("primes"))) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final String TOKEN_HEADER = "X-Warren-Token";

    private final Broker broker;
    private final WorkerRoster roster;
    private final List<String> queues;
    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean loopback;
    private final DashboardToken token;
    private final DashboardDeadLetters deadLetters;

    private DashboardServer(
            Broker broker,
            String host,
            int port,
            List<String> queues,
            DashboardToken token,
            Duration retryMaxAge)
            throws IOException {
        this.broker = broker;
        this.token = token;
        this.queues = List.copyOf(queues);
        InetAddress address = InetAddress.getByName(host);
        this.loopback = address.isLoopbackAddress();
        this.roster = WorkerRoster.listen(broker);
        this.deadLetters =
                new DashboardDeadLetters(
                        broker, retryMaxAge, () -> Fleet.snapshot(broker, roster, this.queues));
        this.server = HttpServer.create(new InetSocketAddress(address, port), 16);
        this.executor =
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "warren-dashboard");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Serves on {@code host:port} (port 0: any free port) until closed, with a new random token.
     */
    public static DashboardServer start(Broker broker, String host, int port, List<String> queues) {
        return start(broker, host, port, queues, DashboardToken.random());
    }

    /** Serves with {@code token} (16 or more URL-safe characters) rather than a random one. */
    public static DashboardServer start(
            Broker broker, String host, int port, List<String> queues, String token) {
        return start(broker, host, port, queues, DashboardToken.of(token));
    }

    static DashboardServer start(
            Broker broker, String host, int port, List<String> queues, DashboardToken token) {
        return start(broker, host, port, queues, token, DeadLetters.DEFAULT_RETRY_MAX_AGE);
    }

    /** With a retry age limit other than {@link DeadLetters#DEFAULT_RETRY_MAX_AGE}. */
    static DashboardServer start(
            Broker broker,
            String host,
            int port,
            List<String> queues,
            DashboardToken token,
            Duration retryMaxAge) {
        try {
            DashboardServer dashboard =
                    new DashboardServer(broker, host, port, queues, token, retryMaxAge);
            dashboard.server.start();
            log.info("dashboard serving on {}", dashboard.address());
            return dashboard;
        } catch (IOException e) {
            throw new WarrenException(
                    "cannot serve the dashboard on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The page's address with its token, for a browser: {@code http://127.0.0.1:8080/?token=...}.
     */
    public String url() {
        return address() + "?token=" + token.value();
    }

    public String token() {
        return token.value();
    }

    /** {@code http://host:port/}, without the token. */
    public String address() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!LoopbackHostHeader.allows(
                    loopback, exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain", "forbidden host");
                return;
            }
            String presented = presentedToken(exchange);
            if (presented == null) {
                send(
                        exchange,
                        401,
                        "text/plain",
                        "this dashboard needs its token: open the address it printed");
                return;
            }
            if (!token.matches(presented)) {
                send(exchange, 403, "text/plain", "wrong token");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method)) {
                switch (path) {
                    case "/", "/index.html" -> page(exchange);
                    case "/dashboard.js" ->
                            resource(exchange, "dashboard.js", "application/javascript");
                    case "/api/state" -> send(exchange, 200, "application/json", state());
                    case "/api/dead-letters",
                            "/api/dead-letters/retry",
                            "/api/dead-letters/purge" ->
                            send(exchange, 405, "text/plain", "POST only: it takes messages");
                    default -> send(exchange, 404, "text/plain", "not found");
                }
                return;
            }
            if ("POST".equals(method)) {
                if (!"1".equals(exchange.getRequestHeaders().getFirst("X-Warren-Dashboard"))) {
                    send(exchange, 403, "text/plain", "missing X-Warren-Dashboard header");
                    return;
                }
                Map<String, String> form = FormParameters.of(exchange);
                switch (path) {
                    case "/api/dead-letters" ->
                            send(
                                    exchange,
                                    200,
                                    "application/json",
                                    JsonText.of(deadLetters.list()));
                    case "/api/dead-letters/retry" ->
                            send(exchange, 200, "application/json", deadLetters.retry(form));
                    case "/api/dead-letters/purge" ->
                            send(exchange, 200, "application/json", deadLetters.purge(form));
                    default -> send(exchange, 404, "text/plain", "not found");
                }
                return;
            }
            send(exchange, 405, "text/plain", "method not allowed");
        } catch (WarrenException e) {
            log.warn(
                    "dashboard request {} failed: {}",
                    SafeText.of(exchange.getRequestURI().getPath()),
                    SafeText.of(e.getMessage()));
            sendQuietly(
                    exchange, 500, JsonText.of(Map.of("error", String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
            log.warn(
                    "dashboard request {} failed",
                    SafeText.of(exchange.getRequestURI().getPath()),
                    e);
            sendQuietly(exchange, 500, JsonText.of(Map.of("error", e.toString())));
        }
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

    private String state() {
        Fleet.Snapshot snapshot = Fleet.snapshot(broker, roster, queues);
        Map<String, Object> state = Fleet.json(snapshot);
        state.put("updated", System.currentTimeMillis());
        return JsonText.of(state);
    }

    /** The page, with the token in its script's address so that request carries it as well. */
    private void page(HttpExchange exchange) throws IOException {
        String html = String.valueOf(resourceText("index.html"));
        String script = "src=\"dashboard.js?token=" + token.value() + "\"";
        send(exchange, 200, "text/html", html.replace("src=\"dashboard.js\"", script));
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream("dashboard/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void resource(HttpExchange exchange, String name, String type)
            throws IOException {
        String text = resourceText(name);
        if (text == null) {
            send(exchange, 404, "text/plain", "missing resource " + name);
        } else {
            send(exchange, 200, type, text);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
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

    private static void sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            send(exchange, status, "application/json", json);
        } catch (IOException | RuntimeException e) {
            // the response was already started, or the client is gone
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        roster.close();
    }
}
