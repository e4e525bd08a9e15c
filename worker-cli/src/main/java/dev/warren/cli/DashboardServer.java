package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.WorkerRoster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: a static page (HTML, CSS and JavaScript from this jar, no build step) that polls
 * {@code GET /api/state} (queues and workers) and {@code GET /api/rates} (each queue's rates, depth
 * and run times over the last minutes, sampled here every two seconds), reads dead letters through
 * {@code POST /api/dead-letters} (reading one takes it off its queue for a moment, so it is not a
 * GET), looks a task up by id through {@code POST /api/lookup}, and retries or purges dead letters
 * through {@code POST /api/dead-letters/retry} and {@code /purge}.
 *
 * <p>Every request must carry the dashboard's token, as the header {@code X-Warren-Token} or as
 * {@code ?token=} (the page's address, {@link #url()}, has it): 401 without one, 403 with a wrong
 * one. It binds to 127.0.0.1 by default; on a loopback address it also refuses requests whose Host
 * header is not a loopback name (DNS rebinding), and every POST must carry the header {@code
 * X-Warren-Dashboard: 1}, which a foreign web page cannot send without a CORS preflight this server
 * never approves (cross-site request forgery). See {@link DashboardGate}.
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
    private static final String TOKEN_PLACE = "__TOKEN__";

    private final Broker broker;
    private final WorkerRoster roster;
    private final List<String> queues;
    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardToken token;
    private final DashboardGate gate;
    private final DashboardRoutes routes;
    private final ConsoleSampler sampler;

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
        this.gate = new DashboardGate(address.isLoopbackAddress(), token);
        this.roster = WorkerRoster.listen(broker);
        Supplier<Fleet.Snapshot> fleet = () -> Fleet.snapshot(broker, roster, this.queues);
        DashboardDeadLetters deadLetters = new DashboardDeadLetters(broker, retryMaxAge, fleet);
        TaskLookup lookup = new TaskLookup(broker, retryMaxAge, fleet);
        this.sampler = ConsoleSampler.start(fleet);
        this.routes =
                new DashboardRoutes()
                        .get("/", this::page)
                        .get("/index.html", this::page)
                        .get("/dashboard.js", e -> resource(e, "dashboard.js"))
                        .get("/charts.js", e -> resource(e, "charts.js"))
                        .get("/console.css", e -> resource(e, "console.css"))
                        .get("/api/state", e -> DashboardHttp.json(e, state()))
                        .get("/api/rates", e -> DashboardHttp.json(e, sampler.json()))
                        .post(
                                "/api/dead-letters",
                                e -> DashboardHttp.json(e, JsonText.of(deadLetters.list())))
                        .post(
                                "/api/dead-letters/retry",
                                e -> DashboardHttp.json(e, deadLetters.retry(FormParameters.of(e))))
                        .post(
                                "/api/dead-letters/purge",
                                e -> DashboardHttp.json(e, deadLetters.purge(FormParameters.of(e))))
                        .post(
                                "/api/lookup",
                                e -> DashboardHttp.json(e, lookup.find(FormParameters.of(e))));
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

    /** Every path the dashboard answers; each asks for the token first. */
    public Set<String> endpoints() {
        return routes.paths();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (gate.admits(exchange)) {
                routes.dispatch(exchange);
            }
        } catch (WarrenException e) {
            log.warn(
                    "dashboard request {} failed: {}",
                    SafeText.of(exchange.getRequestURI().getPath()),
                    SafeText.of(e.getMessage()));
            DashboardHttp.sendQuietly(
                    exchange, 500, JsonText.of(Map.of("error", String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
            log.warn(
                    "dashboard request {} failed",
                    SafeText.of(exchange.getRequestURI().getPath()),
                    e);
            DashboardHttp.sendQuietly(exchange, 500, JsonText.of(Map.of("error", e.toString())));
        }
    }

    private String state() {
        Fleet.Snapshot snapshot = Fleet.snapshot(broker, roster, queues);
        Map<String, Object> state = Fleet.json(snapshot);
        state.put("updated", System.currentTimeMillis());
        return JsonText.of(state);
    }

    /** The page, with the token in the addresses of its files so those requests carry it too. */
    private void page(HttpExchange exchange) throws IOException {
        String html = String.valueOf(DashboardHttp.resourceText("index.html"));
        DashboardHttp.send(exchange, 200, "text/html", html.replace(TOKEN_PLACE, token.value()));
    }

    private static void resource(HttpExchange exchange, String name) throws IOException {
        String type = name.endsWith(".css") ? "text/css" : "application/javascript";
        DashboardHttp.resource(exchange, name, type);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        sampler.close();
        roster.close();
    }
}
