package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.WorkerRoster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: a static page (HTML and JavaScript from this jar, no build step) that polls
 * {@code GET /api/state} and retries or purges dead letters through {@code POST
 * /api/dead-letters/retry} and {@code /purge}.
 *
 * <p>It binds to 127.0.0.1 by default: anyone who can reach it can retry and purge. On a loopback
 * address it also refuses requests whose Host header is not a loopback name (DNS rebinding), and
 * every POST must carry the header {@code X-Warren-Dashboard: 1}, which a foreign web page cannot
 * send without a CORS preflight this server never approves (cross-site request forgery).
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.start(broker, "127.0.0.1", 8080, List.of("primes"))) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final int FAILURES_PER_QUEUE = 20;
    private static final long FAILURES_CACHE_MILLIS = 3000;
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Broker broker;
    private final WorkerRoster roster;
    private final List<String> queues;
    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean loopback;
    private final Object failuresLock = new Object();
    private List<Map<String, Object>> failures = List.of(); // guarded by failuresLock
    private long failuresAt; // guarded by failuresLock

    private DashboardServer(Broker broker, String host, int port, List<String> queues)
            throws IOException {
        this.broker = broker;
        this.queues = List.copyOf(queues);
        InetAddress address = InetAddress.getByName(host);
        this.loopback = address.isLoopbackAddress();
        this.roster = WorkerRoster.listen(broker);
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

    /** Serves on {@code host:port} (port 0: any free port) until closed. */
    public static DashboardServer start(Broker broker, String host, int port, List<String> queues) {
        try {
            DashboardServer dashboard = new DashboardServer(broker, host, port, queues);
            dashboard.server.start();
            log.info("dashboard serving on {}", dashboard.url());
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

    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!hostAllowed(exchange)) {
                send(exchange, 403, "text/plain", "forbidden host");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method)) {
                switch (path) {
                    case "/", "/index.html" -> resource(exchange, "index.html", "text/html");
                    case "/dashboard.js" ->
                            resource(exchange, "dashboard.js", "application/javascript");
                    case "/api/state" -> send(exchange, 200, "application/json", state());
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
                    case "/api/dead-letters/retry" ->
                            send(exchange, 200, "application/json", retry(form));
                    case "/api/dead-letters/purge" ->
                            send(exchange, 200, "application/json", purge(form));
                    default -> send(exchange, 404, "text/plain", "not found");
                }
                return;
            }
            send(exchange, 405, "text/plain", "method not allowed");
        } catch (WarrenException e) {
            log.warn("dashboard request {} failed: {}", exchange.getRequestURI(), e.getMessage());
            sendQuietly(
                    exchange, 500, JsonText.of(Map.of("error", String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
            log.warn("dashboard request {} failed", exchange.getRequestURI(), e);
            sendQuietly(exchange, 500, JsonText.of(Map.of("error", e.toString())));
        }
    }

    private boolean hostAllowed(HttpExchange exchange) {
        if (!loopback) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        return LOOPBACK_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    private String state() {
        Fleet.Snapshot snapshot = Fleet.snapshot(broker, roster, queues);
        Map<String, Object> state = Fleet.json(snapshot);
        state.put("failures", failures(snapshot));
        state.put("updated", System.currentTimeMillis());
        return JsonText.of(state);
    }

    /**
     * Dead letters are read at most every few seconds: each look takes them off the queue briefly.
     */
    private List<Map<String, Object>> failures(Fleet.Snapshot snapshot) {
        synchronized (failuresLock) {
            if (System.currentTimeMillis() - failuresAt < FAILURES_CACHE_MILLIS) {
                return failures;
            }
            List<Map<String, Object>> found = new ArrayList<>();
            for (Fleet.QueueRow q : snapshot.queues()) {
                if (q.dead() == 0) {
                    continue;
                }
                for (DeadLetter d : DeadLetters.of(broker).list(q.name(), FAILURES_PER_QUEUE)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("queue", q.name());
                    m.putAll(DeadLettersCommand.json(d));
                    found.add(m);
                }
            }
            failures = found;
            failuresAt = System.currentTimeMillis();
            return failures;
        }
    }

    private void forgetFailures() {
        synchronized (failuresLock) {
            failuresAt = 0;
        }
    }

    private String retry(Map<String, String> form) {
        String queue = DeadLettersCommand.logicalQueue(required(form, "queue"));
        String id = form.get("id");
        boolean all = "true".equals(form.get("all"));
        if (id == null && !all) {
            throw new WarrenException("say which dead letter: id=... or all=true");
        }
        DeadLetters.RetryReport report =
                DeadLetters.of(broker).retry(queue, d -> all || d.id().equals(id), false);
        forgetFailures();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "retried",
                report.retried().stream().map(DeadLetters.Retried::deadLetterId).toList());
        result.put("refused", report.refused().stream().map(DeadLetter::id).toList());
        result.put("left", report.left());
        return JsonText.of(result);
    }

    private String purge(Map<String, String> form) {
        String queue = DeadLettersCommand.logicalQueue(required(form, "queue"));
        int purged = DeadLetters.of(broker).purge(queue);
        forgetFailures();
        return JsonText.of(Map.of("purged", purged));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new WarrenException("missing parameter " + name);
        }
        return value;
    }

    private static void resource(HttpExchange exchange, String name, String type)
            throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "missing resource " + name);
                return;
            }
            send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
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
