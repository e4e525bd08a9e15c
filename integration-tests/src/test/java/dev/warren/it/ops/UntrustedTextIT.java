package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.rabbitmq.client.AMQP;
import dev.warren.Broker;
import dev.warren.cli.DashboardServer;
import dev.warren.internal.protocol.DeadLetterNote;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.support.LogCapture;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ids, types and key ids that whoever can publish chose, with line breaks, terminal escapes and far
 * too many characters in them, reach the worker's log, the operator's terminal and the dashboard
 * escaped and cut short, one line each.
 */
@WarrenTest
class UntrustedTextIT {
    private static final String FORGED_ID = "t1\r\n2026-12-01 INFO accepted\u001b[2J";
    private static final String ESCAPED_ID = "t1\\r\\n2026-12-01 INFO accepted\\u001b[2J";
    private static final String FORGED_TYPE = "dev.evil.\u001b]0;owned\u0007" + "T".repeat(230);
    private static final String ESCAPED_SIMPLE_TYPE = "\\u001b]0;owned\\u0007TTT";
    private static final String FORGED_KEY = "k1\u001b[31m\r\nINFO key ok\u009b2J";
    private static final String ESCAPED_KEY = "k1\\u001b[31m\\r\\nINFO key ok\\u009b2J";
    private static final String LONG_ID = "x\u001b[1m" + "y".repeat(240);
    private static final String TRACE_ID = "t-trace";
    private static final String FORGED_TRACE =
            "java.io.IOException: <script>alert(1)</script>\u001b[2J\r\n\tat fake.Line(X.java:1)\n"
                    + "\tat "
                    + "z".repeat(1000)
                    + "\u009b2J";
    private static final String ESCAPED_TRACE_FIRST_LINE =
            "java.io.IOException: <script>alert(1)</script>\\u001b[2J";

    @TempDir Path dir;

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(Ops.config(test));
        this.queue = test.uniqueName("ops-text");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void forgedIdsTypesAndKeyIdsAreLoggedEscapedAndCutOnOneLine() throws Exception {
        try (LogCapture log = LogCapture.of("dev.warren", Level.INFO)) {
            refusedByAWorker(forged(FORGED_ID, FORGED_KEY), forged(LONG_ID, "k1"), unsigned());

            List<String> refusals =
                    log.messages().stream().filter(m -> m.startsWith("refused message")).toList();
            assertThat(refusals).hasSize(3);
            assertThat(refusals.get(0)).contains(ESCAPED_ID, ESCAPED_KEY);
            assertThat(refusals.get(1))
                    .contains(SafeText.of(LONG_ID))
                    .contains("...(" + (LONG_ID.length() - 200) + " more chars)")
                    .doesNotContain("y".repeat(200));
            assertThat(refusals.get(2)).contains(ESCAPED_ID);
            assertThat(log.messages()).allSatisfy(UntrustedTextIT::assertPlain);
        }
    }

    @Test
    void deadLettersListShowsForgedIdsTypesAndKeyIdsEscaped() throws Exception {
        publishSealedFailure(sealedWith(FORGED_ID), "boom\u001b[31m red");
        Path keys = Ops.keyFile(dir, test.keysText());

        Ops.Run verified = Ops.cli(test, keys, List.of("dead-letters", "list"), queue);

        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains(ESCAPED_ID, "boom\\u001b[31m red");
        assertPlain(verified.out());

        Queues.drain(test, Topology.deadLetterQueue(queue));
        refusedByAWorker(forged(FORGED_ID, FORGED_KEY), forged(LONG_ID, "k1"));

        Ops.Run forged = Ops.cli(test, keys, List.of("dead-letters", "list"), queue);

        assertThat(forged.exitCode()).as(forged.err()).isZero();
        assertThat(forged.out())
                .contains(ESCAPED_ID, ESCAPED_SIMPLE_TYPE, SafeText.of(LONG_ID), "more chars)")
                .doesNotContain("T".repeat(200), "y".repeat(200));
        assertPlain(forged.out());
        assertPlain(forged.err());
    }

    @Test
    void theDashboardShowsForgedIdsTypesAndKeyIdsEscapedAndCut() throws Exception {
        refusedByAWorker(forged(FORGED_ID, FORGED_KEY), forged(LONG_ID, "k1"));
        publishSealedFailure(sealedWith(TRACE_ID), FORGED_TRACE);
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            HttpResponse<String> listed = post(dashboard, "api/dead-letters", "");

            assertThat(listed.statusCode()).isEqualTo(200);
            // the dashboard also lists the queues of workers other tests ran in the last minutes,
            // whose heartbeats it recalls
            List<Map<String, Object>> letters =
                    new Json()
                                    .<List<Map<String, Object>>>toType(
                                            listed.body(), Json.LIST_OF_MAPS_TYPE)
                                    .stream()
                                    .filter(letter -> queue.equals(letter.get("queue")))
                                    .toList();
            assertThat(letters).hasSize(3);
            assertThat(byId(letters, ESCAPED_ID)).containsEntry("type", SafeText.of(FORGED_TYPE));
            assertThat(String.valueOf(byId(letters, ESCAPED_ID).values())).contains(ESCAPED_KEY);
            assertThat(byId(letters, SafeText.of(LONG_ID))).isNotNull();
            assertThat(String.valueOf(byId(letters, TRACE_ID).get("stackTrace")))
                    .startsWith(ESCAPED_TRACE_FIRST_LINE)
                    .contains("more chars)");
            for (Map<String, Object> letter : letters) {
                letter.values().forEach(v -> assertPlain(String.valueOf(v)));
            }
            HttpResponse<String> lookedUp =
                    post(
                            dashboard,
                            "api/lookup",
                            "id=" + URLEncoder.encode(ESCAPED_ID, StandardCharsets.UTF_8));
            assertThat(lookedUp.statusCode()).isEqualTo(200);
            Map<String, Object> lookup = new Json().toType(lookedUp.body(), Json.MAP_TYPE);
            // the same forged id may sit in the dead letters of other tests' queues too
            List<?> found =
                    ((List<?>) lookup.get("found"))
                            .stream()
                                    .filter(f -> queue.equals(((Map<?, ?>) f).get("queue")))
                                    .toList();
            assertThat(found).hasSize(1);
            ((Map<?, ?>) found.get(0)).values().forEach(v -> assertPlain(String.valueOf(v)));
            assertThat(String.valueOf(found)).contains("UNKNOWN_KEY", ESCAPED_ID);

            if (Chromium.installed()) {
                assertThePageShowsThemEscaped(dashboard, queue);
            }

            publishSealedFailure(sealedWith(FORGED_ID), "boom");
            HttpResponse<String> retried =
                    post(
                            dashboard,
                            "api/dead-letters/retry",
                            "queue="
                                    + queue
                                    + "&id="
                                    + URLEncoder.encode(ESCAPED_ID, StandardCharsets.UTF_8));
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(new Json().toType(retried.body(), Json.MAP_TYPE).toString())
                    .as("the page names a dead letter by its id as shown")
                    .contains("retried=[" + FORGED_ID + "]");
        }
    }

    private static Map<String, Object> byId(List<Map<String, Object>> letters, String id) {
        return letters.stream().filter(l -> id.equals(l.get("id"))).findFirst().orElse(null);
    }

    /**
     * What the browser renders from that list, the details of a failure and a lookup (checked where
     * Debian's Chromium is installed).
     */
    private static void assertThePageShowsThemEscaped(DashboardServer dashboard, String queue) {
        WebDriver browser = Chromium.start();
        try {
            browser.get(dashboard.url());
            By rows = By.cssSelector("#failures tr[data-id]");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(
                            page ->
                                    page.findElements(rows).stream()
                                                    .filter(row -> row.getText().contains(queue))
                                                    .count()
                                            == 3);
            WebElement failures = browser.findElement(By.id("failures"));
            assertThat(failures.getText())
                    .contains(ESCAPED_SIMPLE_TYPE, "UNKNOWN_KEY")
                    .doesNotContain("T".repeat(200), "y".repeat(200));
            ConsolePage console = new ConsolePage(browser);
            assertThat(console.failureCell(ESCAPED_ID, "td.id").get("title"))
                    .as("the whole id on hover")
                    .startsWith(ESCAPED_ID);
            assertPlain(failures.getText());
            assertThat(failures.getAttribute("innerHTML")).doesNotContain("\u001b", "\r", "\u009b");

            for (String id : console.failureIds()) {
                console.openFailure(id);
                WebElement detail = browser.findElement(By.id("failure-detail"));
                assertThat(detail.getText()).contains(id);
                assertPlain(detail.getText());
                assertThat(detail.getAttribute("innerHTML"))
                        .doesNotContain("\u001b", "\r", "\u009b", "<script");
            }
            console.openFailure(TRACE_ID);
            WebElement trace = browser.findElement(By.cssSelector("#failure-detail pre.stack"));
            assertThat(trace.getText()).startsWith(ESCAPED_TRACE_FIRST_LINE);
            assertThat(trace.findElements(By.tagName("script"))).isEmpty();

            browser.findElement(By.id("lookup-id")).sendKeys(ESCAPED_ID);
            browser.findElement(By.id("lookup-go")).click();
            By found = By.cssSelector("#lookup-result .detail");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(page -> !page.findElements(found).isEmpty());
            WebElement result = browser.findElement(By.id("lookup-result"));
            assertThat(result.getText()).contains(ESCAPED_ID, "UNKNOWN_KEY");
            assertPlain(result.getText());
            assertThat(result.getAttribute("innerHTML")).doesNotContain("\u001b", "\r", "\u009b");
        } finally {
            browser.quit();
        }
    }

    private static HttpResponse<String> post(DashboardServer dashboard, String path, String form)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(dashboard.address() + path))
                                .header("X-Warren-Token", dashboard.token())
                                .header("X-Warren-Dashboard", "1")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Text fit for one line of a log or a terminal: no line break, no escape, nothing long. */
    private static void assertPlain(String text) {
        for (String line : text.split("\n", -1)) {
            assertThat(line)
                    .doesNotContain("\r", "\u001b", "\u009b", "\u0007")
                    .hasSizeLessThan(1200);
        }
    }

    /** A task with a forged id, signed with the test key: its dead letter verifies. */
    /**
     * The dead letter a worker seals for {@code task} when it failed for good with {@code error}.
     */
    private void publishSealedFailure(Envelope task, String error) throws Exception {
        Envelope dead =
                BrokerLink.of(broker)
                        .protocol()
                        .deadLetter(
                                task,
                                queue,
                                Topology.deadLetterQueue(queue),
                                new DeadLetterNote(
                                        RejectReason.FAILED,
                                        error,
                                        Topology.workQueue(queue),
                                        error,
                                        true,
                                        "it-host:1"));
        Ops.publish(test, queue, dead);
    }

    private Envelope sealedWith(String id) {
        return BrokerLink.of(broker)
                .sealer()
                .seal(
                        new Heading(
                                id,
                                OpsEcho.class.getName(),
                                System.currentTimeMillis(),
                                null,
                                1,
                                TaskProtocol.taskOn(queue)),
                        new OpsEcho("x"));
    }

    /** A task that claims these, signed with a key id nobody holds. */
    private Message forged(String id, String keyId) {
        Envelope sealed =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        id,
                                        FORGED_TYPE,
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        TaskProtocol.taskOn(queue)),
                                new OpsEcho("x"));
        Map<String, Object> headers = RawMessages.headers(sealed);
        headers.put(Headers.KEY_ID, keyId);
        return new Message(RawMessages.properties(sealed, headers), sealed.body());
    }

    private static Message unsigned() {
        return new Message(
                new AMQP.BasicProperties.Builder().messageId(FORGED_ID).type(FORGED_TYPE).build(),
                "junk".getBytes(StandardCharsets.UTF_8));
    }

    private record Message(AMQP.BasicProperties properties, byte[] body) {}

    /** Publishes each, in order, to a worker that refuses it into the dead-letter queue. */
    private void refusedByAWorker(Message... messages) throws Exception {
        String dead = Topology.deadLetterQueue(queue);
        int before = Queues.depth(test, dead);
        try (Worker worker =
                Worker.start(broker, WorkerConfig.custom().queues(queue).concurrency(1).build())) {
            for (Message message : messages) {
                RawMessages.publish(
                        test, Topology.workQueue(queue), message.properties(), message.body());
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Queues.depth(test, dead) == before + messages.length);
            assertThat(worker.stats().rejected()).isEqualTo(messages.length);
        }
    }
}
