package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver): it shows a running
 * worker and a dead letter, and its retry button sends the dead letter back to work. Skipped where
 * /usr/bin/chromium is not installed.
 */
@WarrenTest
class DashboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private TestBroker test;
    private Broker broker;
    private String queue;

    @BeforeEach
    void connect(TestBroker test) {
        this.test = test;
        this.broker = Broker.connect(test.config().catalog(new OpsCatalog()).build());
        this.queue = test.uniqueName("ops-dash");
        BrokerLink.of(broker).topology().declareWorkQueue(queue);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void thePageShowsTheWorkerAndTheDeadLetterAndRetryRunsItAgain() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium"
                        + " chromium-driver)");
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
            WebDriver browser = chromium();
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
    void postsWithoutTheDashboardHeaderOrFromAForeignHostAreRefused() throws Exception {
        try (DashboardServer dashboard =
                DashboardServer.start(broker, "127.0.0.1", 0, List.of(queue))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> noHeader =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    dashboard.url()
                                                            + "api/dead-letters/purge?queue="
                                                            + queue))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(noHeader.statusCode()).isEqualTo(403);

            HttpResponse<String> state =
                    http.send(
                            HttpRequest.newBuilder(URI.create(dashboard.url() + "api/state"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"name\":\"" + queue + "\"", "\"failures\":[]");
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }
}
