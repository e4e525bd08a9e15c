package dev.warren.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The Testcontainers side of {@link BrokerEndpoint}, in a class of its own so that nothing loads
 * Testcontainers unless it is on the classpath.
 */
final class ContainerBroker {
    private static final String IMAGE = "rabbitmq:3.13-management";

    private ContainerBroker() {}

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    static BrokerEndpoint start() {
        RabbitMQContainer container = new RabbitMQContainer(IMAGE);
        container.start();
        URI uri = URI.create(container.getAmqpUrl().replace("amqp://", "amqp://guest:guest@"));
        return new BrokerEndpoint(
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
}
