package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.GetResponse;
import dev.warren.Broker;
import dev.warren.cli.DashboardServer;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver): it shows a running
 * worker and a dead letter, and its retry button sends the dead letter back to work (the browser
 * test is skipped where /usr/bin/chromium is not installed). Over plain HTTP: its token, its POST
 * header, its refusal of a Host header that names no loopback address (DNS rebinding), and GETs
 * that leave dead letters alone.
 */
@WarrenTest
class DashboardIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> POSTS =
            List.of(
                    "/api/dead-letters",
                    "/api/dead-letters/retry",
                    "/api/dead-letters/purge",
                    "/api/lookup");

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(Ops.config(test));
        this.queue = test.uniqueName("ops-dash");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void thePageShowsTheWorkerAndTheDeadLetterAndRetryRunsItAgain() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NEEDED);
        Envelope dead =
                Ops.deadLetter(
                        test,
                        broker,
                        queue,
                        new OpsEcho("again"),
                        "FAILED",
                        "java.io.IOException: disk full");
        try (Worker worker =
                        Worker.start(
                                broker,
                                WorkerConfig.custom()
                                        .queues(queue)
                                        .concurrency(1)
                                        .heartbeatInterval(Duration.ofMillis(500))
                                        .build());
                DashboardServer dashboard =
                        DashboardServer.start(broker, "127.0.0.1", 0, List.of())) {
            WebDriver browser = Chromium.start();
            try {
                browser.get(dashboard.url());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                By workerRow = By.xpath("//table[@id='workers']//tr[td[text()='" + queue + "']]");
                wait.until(ExpectedConditions.visibilityOfElementLocated(workerRow));
                assertThat(browser.findElement(workerRow).getText())
                        .contains(Long.toString(ProcessHandle.current().pid()), "running");
                By failureRow = By.cssSelector("#failures tr[data-id='" + dead.messageId() + "']");
                wait.until(ExpectedConditions.visibilityOfElementLocated(failureRow));
                assertThat(browser.findElement(failureRow).getText())
                        .contains("OpsEcho", "FAILED", "java.io.IOException: disk full");

                browser.findElement(failureRow).findElement(By.cssSelector("button.retry")).click();

                await().atMost(Duration.ofSeconds(20)).until(() -> worker.stats().succeeded() == 1);
                assertThat(Queues.depth(test, Topology.deadLetterQueue(queue))).isZero();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(failureRow));
                assertThat(browser.findElement(By.id("failures")).getText())
                        .contains("No dead letters.");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void requestsWithoutTheTokenAreRefusedAndWithItAnswered() throws Exception {
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            assertThat(dashboard.url())
                    .isEqualTo(dashboard.address() + "?token=" + dashboard.token());
            assertThat(dashboard.endpoints())
                    .contains("/", "/dashboard.js", "/api/state", "/api/rates", "/api/lookup")
                    .contains("/api/dead-letters", "/api/dead-letters/retry", "/console.css");
            String almost = dashboard.token().substring(1) + "x";
            for (String endpoint : dashboard.endpoints()) {
                String path = endpoint.substring(1);
                assertThat(get(dashboard.address() + path, null).statusCode())
                        .as(path)
                        .isEqualTo(401);
                assertThat(post(dashboard.address() + path, null, true).statusCode())
                        .as("POST " + path)
                        .isEqualTo(401);
                assertThat(get(dashboard.address() + path + "?token=nope", null).statusCode())
                        .as(path)
                        .isEqualTo(403);
                assertThat(get(dashboard.address() + path, almost).statusCode())
                        .as(path)
                        .isEqualTo(403);
                assertThat(post(dashboard.address() + path, almost, true).statusCode())
                        .as("POST " + path)
                        .isEqualTo(403);
            }
            assertThat(get(dashboard.url(), null).body())
                    .contains("dashboard.js?token=" + dashboard.token());
            HttpResponse<String> state = get(dashboard.address() + "api/state", dashboard.token());
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"name\":\"" + queue + "\"");

            HttpResponse<String> purge =
                    post(dashboard.address() + "api/dead-letters/purge?queue=" + queue, null, true);
            assertThat(purge.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aTokenGivenByTheOperatorIsTheOnlyOneAccepted() throws Exception {
        String chosen = "operator-chosen-token-0123456789";
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue), chosen)) {
            assertThat(get(dashboard.address() + "api/state", chosen).statusCode()).isEqualTo(200);
            assertThat(get(dashboard.address() + "api/state", chosen + "0").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void postsWithoutTheDashboardHeaderOrFromAForeignHostAreRefused() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("kept"), "FAILED", "boom");
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            String purge = "/api/dead-letters/purge?queue=" + queue;
            HttpResponse<String> noHeader =
                    post(dashboard.address() + purge.substring(1), dashboard.token(), false);
            assertThat(noHeader.statusCode()).isEqualTo(403);
            String token = "X-Warren-Token: " + dashboard.token();
            int port = dashboard.port();
            for (String host : List.of("rebind.attacker.example:" + port, "127.0.0.1.nip.io")) {
                RawHttp.Response foreign =
                        RawHttp.send(port, "POST", purge, host, token, "X-Warren-Dashboard: 1");
                assertThat(foreign.status()).as(host).isEqualTo(403);
                assertThat(foreign.body()).isEqualTo("forbidden host");
            }
            assertThat(Queues.depth(test, Topology.deadLetterQueue(queue)))
                    .as("the refused purges dropped nothing")
                    .isEqualTo(1);
        }
    }

    @Test
    void everyPageRefusesAForeignOrMissingHostHeaderEvenWithTheToken() throws Exception {
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            int port = dashboard.port();
            String token = "X-Warren-Token: " + dashboard.token();
            for (String path : dashboard.endpoints()) {
                RawHttp.Response rebound =
                        RawHttp.send(port, "GET", path, "rebind.attacker.example:" + port, token);
                assertThat(rebound.status()).as(path).isEqualTo(403);
                assertThat(rebound.body()).as(path).isEqualTo("forbidden host");
                assertThat(RawHttp.send(port, "GET", path, null, token).status())
                        .as(path + " without a Host header")
                        .isEqualTo(403);
                assertThat(RawHttp.send(port, "GET", path, "localhost:" + port, token).status())
                        .as(path + " for localhost")
                        .isEqualTo(POSTS.contains(path) ? 405 : 200);
            }
        }
    }

    @Test
    void lookingAtTheStateTouchesNoDeadLetterAndListingThemIsAPost() throws Exception {
        Envelope dead = Ops.deadLetter(test, broker, queue, new OpsEcho("look"), "FAILED", "boom");
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> state =
                        get(dashboard.address() + "api/state", dashboard.token());
                assertThat(state.statusCode()).isEqualTo(200);
                assertThat(state.body())
                        .contains("\"deadLettered\":1")
                        .doesNotContain(dead.messageId());
            }
            List<GetResponse> untouched = Queues.drain(test, Topology.deadLetterQueue(queue));
            assertThat(untouched).hasSize(1);
            assertThat(untouched.get(0).getEnvelope().isRedeliver())
                    .as("a GET must not have taken the dead letter and put it back")
                    .isFalse();

            Ops.deadLetter(test, broker, queue, new OpsEcho("again"), "FAILED", "boom again");
            assertThat(
                            get(dashboard.address() + "api/dead-letters", dashboard.token())
                                    .statusCode())
                    .isEqualTo(405);
            HttpResponse<String> listed =
                    post(dashboard.address() + "api/dead-letters", dashboard.token(), true);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("boom again", "\"queue\":\"" + queue + "\"");
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("X-Warren-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, boolean dashboardHeader)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Warren-Token", token);
        }
        if (dashboardHeader) {
            request.header("X-Warren-Dashboard", "1");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
