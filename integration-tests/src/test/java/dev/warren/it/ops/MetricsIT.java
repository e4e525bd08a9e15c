package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Micrometer meters of client and worker, and a worker process serving them to Prometheus. */
@WarrenTest
class MetricsIT {
    private TestBroker test;

    @BeforeEach
    void reset(TestBroker test) throws Exception {
        this.test = test;
        Queues.reset(test, "ops-echo", "ops-boom");
    }

    @Test
    void clientAndWorkerCountTasksPerTypeInTheRegistryGivenToThem() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Broker broker = Broker.connect(Ops.config(test));
                Worker worker =
                        Worker.start(
                                broker,
                                WorkerConfig.custom()
                                        .queues("ops-echo", "ops-boom")
                                        .concurrency(2)
                                        .meterRegistry(meters)
                                        .build());
                TaskClient client = new TaskClient(broker, meters)) {
            client.map(List.of(new OpsEcho("a"), new OpsEcho("b"))).get(30, TimeUnit.SECONDS);
            client.submit(new OpsBoom("x")).result().handle((ok, e) -> e).get(30, TimeUnit.SECONDS);

            String echo = OpsEcho.class.getName();
            String boom = OpsBoom.class.getName();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> {
                                assertThat(count(meters, "warren.tasks.submitted", echo))
                                        .isEqualTo(2);
                                assertThat(count(meters, "warren.tasks.started", echo))
                                        .isEqualTo(2);
                                assertThat(count(meters, "warren.tasks.succeeded", echo))
                                        .isEqualTo(2);
                                assertThat(count(meters, "warren.tasks.failed", boom)).isEqualTo(1);
                                assertThat(count(meters, "warren.tasks.dead.lettered", boom))
                                        .isEqualTo(1);
                            });
            assertThat(meters.get("warren.tasks.run").tag("type", echo).timer().count())
                    .isEqualTo(2);
            assertThat(meters.get("warren.tasks.queue.wait").tag("type", echo).timer().count())
                    .isEqualTo(2);
            assertThat(
                            meters.get("warren.tasks.dead.lettered")
                                    .tag("type", boom)
                                    .tag("reason", "FAILED")
                                    .counter()
                                    .count())
                    .isEqualTo(1);
            assertThat(meters.get("warren.client.round.trip").tag("type", echo).timer().count())
                    .isEqualTo(2);
            assertThat(
                            meters.get("warren.client.failures")
                                    .tag("type", boom)
                                    .tag("reason", "failed")
                                    .counter()
                                    .count())
                    .isEqualTo(1);
            assertThat(meters.get("warren.client.in.flight").gauge().value()).isZero();
            assertThat(meters.scrape())
                    .contains("# HELP warren_client_round_trip_seconds ")
                    .contains("warren_client_round_trip_seconds_bucket{outcome=\"succeeded\"")
                    .contains("warren_client_failures_total{queue=\"ops-boom\",reason=\"failed\"")
                    .contains(
                            "warren_client_in_flight_tasks{client=\"" + client.clientId() + "\"}");
            assertThat(meters.getMeters())
                    .as("every meter a worker and a client registered has a help text")
                    .allSatisfy(
                            m ->
                                    assertThat(m.getId().getDescription())
                                            .as(m.getId().getName())
                                            .isNotBlank());
        }
    }

    private static double count(MeterRegistry meters, String name, String type) {
        var counter = meters.find(name).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aWorkerProcessServesItsMetricsInPrometheusFormat() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JvmProcess worker =
                test.workerLauncher()
                        .jvmArgs("-Xmx256m")
                        .taskClasspath(
                                System.getProperty("warren.test.classes", "target/test-classes"))
                        .options("--metrics-port", Integer.toString(port))
                        .queues("ops-echo")
                        .start();
        JvmProcess.Exit exit;
        try (Broker broker = Broker.connect(Ops.config(test));
                TaskClient client = new TaskClient(broker)) {
            assertThat(client.submit(new OpsEcho("hi")).await(Duration.ofSeconds(30)))
                    .isEqualTo("hi");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/plain");
            assertThat(response.body())
                    .contains(
                            "warren_tasks_succeeded_total{queue=\"ops-echo\",type=\""
                                    + OpsEcho.class.getName()
                                    + "\"} 1.0")
                    .contains("warren_tasks_run_seconds_count")
                    .contains("# HELP warren_tasks_run_seconds time a task's run method took")
                    .containsPattern(
                            "warren_tasks_run_seconds_bucket\\{outcome=\"succeeded\",queue=\"ops-echo\","
                                    + "type=\"[^\"]+\",le=\"0\\.001\"\\} \\d")
                    .containsPattern(
                            "warren_tasks_queue_wait_seconds_bucket\\{queue=\"ops-echo\","
                                    + "type=\"[^\"]+\",le=\"\\+Inf\"\\} 1")
                    .contains("warren_tasks_queue_wait_seconds_count")
                    .contains("jvm_memory_used_bytes");

            RawHttp.Response rebound =
                    RawHttp.send(port, "GET", "/metrics", "rebind.attacker.example:" + port);
            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.body()).isEqualTo("forbidden host");
            assertThat(RawHttp.send(port, "GET", "/metrics", null).status())
                    .as("without a Host header")
                    .isEqualTo(403);
            assertThat(RawHttp.send(port, "GET", "/metrics", "localhost:" + port).status())
                    .isEqualTo(200);
        } finally {
            exit = worker.stop(Duration.ofSeconds(60));
        }
        assertThat(exit.code()).as(worker.outputText()).isZero();
    }
}
