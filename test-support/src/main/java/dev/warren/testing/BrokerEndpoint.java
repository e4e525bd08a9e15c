package dev.warren.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker every test in this JVM shares, found once: a Testcontainers container when
 * Testcontainers is on the classpath and a Docker engine answers, otherwise the broker at {@code
 * WARREN_TEST_BROKER_URI} (default the local one). Knows how to run {@code rabbitmqctl} on its
 * node.
 */
final class BrokerEndpoint {
    static final String URI_ENV = "WARREN_TEST_BROKER_URI";
    static final String DOCKER_ENV = "WARREN_TEST_DOCKER";
    private static final URI LOCAL = URI.create("amqp://guest:guest@localhost:5672");

    private static BrokerEndpoint shared;

    private final URI uri;
    private final Rabbitmqctl rabbitmqctl;

    /** Runs {@code rabbitmqctl ARGS} where the broker's node is, returning its output. */
    interface Rabbitmqctl {
        String run(List<String> args) throws IOException, InterruptedException;
    }

    BrokerEndpoint(URI uri, Rabbitmqctl rabbitmqctl) {
        this.uri = uri;
        this.rabbitmqctl = rabbitmqctl;
    }

    static synchronized BrokerEndpoint shared() {
        if (shared == null) {
            shared = dockerAvailable() ? ContainerBroker.start() : local();
        }
        return shared;
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv(DOCKER_ENV))) {
            return false;
        }
        try {
            return ContainerBroker.dockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: Testcontainers is not on the classpath
            return false;
        }
    }

    private static BrokerEndpoint local() {
        String configured = System.getenv(URI_ENV);
        URI uri = configured == null || configured.isBlank() ? LOCAL : URI.create(configured);
        int port = uri.getPort() > 0 ? uri.getPort() : 5672;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 3000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No Docker engine for Testcontainers, and no RabbitMQ at "
                            + uri.getHost()
                            + ":"
                            + port
                            + " ("
                            + e.getMessage()
                            + "). Start one with 'rabbitmq-server -detached', or set "
                            + URI_ENV,
                    e);
        }
        return new BrokerEndpoint(uri, BrokerEndpoint::runLocally);
    }

    URI uri() {
        return uri;
    }

    Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection(name);
    }

    /** {@code rabbitmqctl ARGS} on the broker's node. */
    String rabbitmqctl(List<String> args) throws IOException, InterruptedException {
        return rabbitmqctl.run(args);
    }

    /** The virtual host in the URI's path, as {@code rabbitmqctl -p} takes it. */
    String virtualHost() {
        String path = uri.getPath();
        return path == null || path.isEmpty() || "/".equals(path) ? "/" : path.substring(1);
    }

    private static String runLocally(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // it would read what our standard input holds
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("rabbitmqctl " + args + " failed: " + output);
        }
        return output;
    }
}
