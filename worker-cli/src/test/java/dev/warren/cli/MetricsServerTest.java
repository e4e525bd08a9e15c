package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The metrics endpoint on loopback answers loopback Host headers only (DNS rebinding). */
class MetricsServerTest {
    @Test
    void aForeignHostHeaderIsRefusedAndALoopbackOneAnswered() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("warren_test_probe").increment();
        try (MetricsServer server = MetricsServer.start(registry, "127.0.0.1", 0)) {
            assertThat(statusLine(server.port(), "GET", "attacker.example:" + server.port()))
                    .contains(" 403 ");
            assertThat(statusLine(server.port(), "GET", null)).contains(" 403 ");
            assertThat(statusLine(server.port(), "POST", "127.0.0.1:" + server.port()))
                    .contains(" 405 ");
            assertThat(statusLine(server.port(), "GET", "localhost:" + server.port()))
                    .contains(" 200 ");
        }
    }

    /** A raw request: Java's HttpClient does not let a caller choose the Host header. */
    private static String statusLine(int port, String method, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request =
                    method
                            + " /metrics HTTP/1.0\r\n"
                            + (host == null ? "" : "Host: " + host + "\r\n")
                            + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.lines().findFirst().orElse("");
        }
    }
}
