package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.cli.DashboardServer;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Heading;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium with a real worker: its charts draw the rates and run times of
 * tasks that ran, its failures are newest first with their times, and its lookup finds a
 * dead-lettered task by id and shows its stack trace. With {@code -Dwarren.console.screenshot=FILE}
 * it also saves a screenshot of the page (the one in docs/operating.md).
 */
@WarrenTest
class ConsoleIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(test.config().build());
        this.queue = test.uniqueName("ops-console");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void chartsFailuresNewestFirstAndTheLookupOfADeadLetteredTask() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NEEDED);
        String dead = Topology.deadLetterQueue(queue);
        try (Worker worker =
                        Worker.start(
                                broker,
                                WorkerConfig.custom()
                                        .queues(queue)
                                        .concurrency(2)
                                        .heartbeatInterval(Duration.ofMillis(500))
                                        .build());
                DashboardServer dashboard =
                        DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> series(dashboard, "at").size() >= 2);

            Envelope first = publish(new OpsBoom("first failure"));
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 1);
            // a screenshot wants a few minutes of traffic; the test needs one batch
            int batches = screenshotFile() == null ? 1 : 40;
            for (int batch = 1; batch <= batches; batch++) {
                for (int i = 0; i < 40; i++) {
                    publish(new OpsWork(2 + (i % 7) * batch % 23));
                }
                int done = 40 * batch;
                await().atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ofMillis(batches == 1 ? 0 : 3000))
                        .until(() -> worker.stats().succeeded() == done);
            }
            Envelope second = publish(new OpsBoom("second failure"));
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.depth(test, dead) == 2);
            // put in last but dead-lettered long ago: the page orders by time, not queue order
            Envelope old =
                    Ops.deadLetter(
                            test,
                            broker,
                            queue,
                            new OpsEcho("old"),
                            "FAILED",
                            "java.io.IOException: disk full",
                            true,
                            Duration.ofHours(2).toMillis());
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> {
                                assertThat(series(dashboard, "ack"))
                                        .anySatisfy(v -> assertThat(v).isNotNull().isNotEqualTo(0));
                                assertThat(series(dashboard, "p99"))
                                        .anySatisfy(v -> assertThat(v).isNotNull());
                            });

            WebDriver browser = Chromium.start();
            try {
                browser.manage().window().setSize(new Dimension(1400, 900));
                browser.get(dashboard.url());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                String card = "#charts .queue-charts[data-queue='" + queue + "'] ";
                for (String series : List.of("ack", "deliver", "p50", "p99", "ready")) {
                    By line = By.cssSelector(card + "polyline.series-" + series);
                    wait.until(page -> drawnPoints(page.findElements(line)) >= 2);
                }

                ConsolePage console = new ConsolePage(browser);
                wait.until(page -> console.failureIds().size() == 3);
                assertThat(console.failureIds())
                        .as("newest first")
                        .containsExactly(second.messageId(), first.messageId(), old.messageId());
                Map<String, String> oldWhen = console.failureCell(old.messageId(), "td.when");
                assertThat(oldWhen.get("text")).isEqualTo("2 h ago");
                assertThat(oldWhen.get("title")).isNotBlank();
                Map<String, String> shortId = console.failureCell(second.messageId(), "td.id");
                assertThat(shortId.get("text")).hasSizeLessThan(second.messageId().length());
                assertThat(shortId.get("title")).startsWith(second.messageId());

                browser.findElement(By.id("lookup-id")).sendKeys(first.messageId());
                browser.findElement(By.id("lookup-go")).click();
                By found =
                        By.cssSelector(
                                "#lookup-result .detail[data-id='" + first.messageId() + "']");
                wait.until(page -> !page.findElements(found).isEmpty());
                WebElement detail = browser.findElement(found);
                assertThat(detail.findElement(By.cssSelector("pre.stack")).getText())
                        .startsWith("java.lang.IllegalStateException: first failure")
                        .contains("at dev.warren.it.ops.OpsBoom.run(");
                assertThat(detail.getText())
                        .contains("java.lang.IllegalStateException", "first failure", "FAILED");
                assertThat(browser.findElement(By.id("lookup-result")).getText())
                        .contains(dead + ": read 3 of 3 dead letters")
                        .contains("A task that succeeded leaves no trace");

                console.openFailure(second.messageId());
                By open =
                        By.cssSelector(
                                "#failure-detail .detail[data-id='"
                                        + second.messageId()
                                        + "'] pre.stack");
                wait.until(page -> !page.findElements(open).isEmpty());
                assertThat(browser.findElement(open).getText())
                        .startsWith("java.lang.IllegalStateException: second failure");

                Path file = screenshotFile();
                if (file != null) {
                    browser.findElement(By.id("lookup-result"))
                            .findElement(By.cssSelector("button.close"))
                            .click();
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.write(
                            file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theLookupSaysWhereItLookedWhenNothingMatches() throws Exception {
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            HttpResponse<String> answer =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(dashboard.address() + "api/lookup"))
                                    .header("X-Warren-Token", dashboard.token())
                                    .header("X-Warren-Dashboard", "1")
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("id=no-such-task"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            Map<String, Object> result = new Json().toType(answer.body(), Json.MAP_TYPE);
            assertThat((List<?>) result.get("found")).isEmpty();
            assertThat(String.valueOf(result.get("looked")))
                    .contains("deadLetterQueue=" + Topology.deadLetterQueue(queue));
            assertThat(String.valueOf(result.get("notLooked")))
                    .contains("succeeded leaves no trace");
        }
    }

    private static int drawnPoints(List<WebElement> lines) {
        return lines.stream().mapToInt(l -> Integer.parseInt(l.getAttribute("data-points"))).sum();
    }

    private static Path screenshotFile() {
        String file = System.getProperty("warren.console.screenshot", "");
        return file.isBlank() ? null : Path.of(file);
    }

    private List<Object> series(DashboardServer dashboard, String name) throws Exception {
        HttpResponse<String> rates =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(dashboard.address() + "api/rates"))
                                .header("X-Warren-Token", dashboard.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = new Json().toType(rates.body(), Json.MAP_TYPE);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, List<Object>>> queues =
                (Map<String, Map<String, List<Object>>>) json.get("queues");
        Map<String, List<Object>> series = queues.get(queue);
        return series == null ? List.of() : series.get(name);
    }

    private Envelope publish(Object task) throws Exception {
        Envelope sealed =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        TaskId.random().toString(),
                                        task.getClass().getName(),
                                        System.currentTimeMillis(),
                                        null,
                                        1,
                                        TaskProtocol.taskOn(queue)),
                                task);
        RawMessages.publish(
                test,
                Topology.workQueue(queue),
                RawMessages.properties(sealed, RawMessages.headers(sealed)),
                sealed.body());
        return sealed;
    }
}
