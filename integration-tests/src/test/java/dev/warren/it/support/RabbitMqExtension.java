package dev.warren.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * Decides, once per test JVM, which RabbitMQ the integration tests use: a Testcontainers {@link
 * RabbitMQContainer} when a Docker engine answers, otherwise the broker at {@code
 * WARREN_TEST_BROKER_URI} (default {@code amqp://guest:guest@localhost:5672}). Tests get it as a
 * {@link TestBroker} parameter.
 *
 * <pre>{@code
 * @ExtendWith(RabbitMqExtension.class)
 * class RoundTripIT {
 *     @Test void works(TestBroker broker) { ... }
 * }
 * }</pre>
 */
public final class RabbitMqExtension implements ParameterResolver {
    public static final String BROKER_URI_ENV = "WARREN_TEST_BROKER_URI";
    private static final String IMAGE = "rabbitmq:3.13-management";

    private static TestBroker broker;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker();
    }

    public static synchronized TestBroker broker() {
        if (broker == null) {
            broker = dockerAvailable() ? containerBroker() : localBroker();
        }
        return broker;
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("WARREN_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestBroker containerBroker() {
        RabbitMQContainer container = new RabbitMQContainer(IMAGE);
        container.start();
        URI uri = URI.create(container.getAmqpUrl().replace("amqp://", "amqp://guest:guest@"));
        return new TestBroker(
                uri,
                args -> {
                    List<String> command = new ArrayList<>();
                    command.add("rabbitmqctl");
                    command.addAll(args);
                    Container.ExecResult result =
                            container.execInContainer(command.toArray(String[]::new));
                    if (result.getExitCode() != 0) {
                        throw new IOException(
                                "rabbitmqctl " + args + " failed: " + result.getStderr());
                    }
                    return result.getStdout();
                });
    }

    private static TestBroker localBroker() {
        String configured = System.getenv(BROKER_URI_ENV);
        URI uri =
                URI.create(
                        configured == null || configured.isBlank()
                                ? "amqp://guest:guest@localhost:5672"
                                : configured);
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
                            + BROKER_URI_ENV,
                    e);
        }
        return new TestBroker(uri, TestBroker::runLocal);
    }
}
