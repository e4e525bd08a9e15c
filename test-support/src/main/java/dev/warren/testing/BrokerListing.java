package dev.warren.testing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The names of the queues and exchanges in the broker's virtual host, from {@code rabbitmqctl}:
 * AMQP itself cannot list them.
 */
final class BrokerListing {
    private BrokerListing() {}

    /** Empty where {@code rabbitmqctl} cannot run, e.g. against a remote broker. */
    static Optional<List<String>> queues(BrokerEndpoint broker) throws InterruptedException {
        return names(broker, "list_queues");
    }

    /** Empty where {@code rabbitmqctl} cannot run. */
    static Optional<List<String>> exchanges(BrokerEndpoint broker) throws InterruptedException {
        return names(broker, "list_exchanges");
    }

    private static Optional<List<String>> names(BrokerEndpoint broker, String command)
            throws InterruptedException {
        try {
            String output =
                    broker.rabbitmqctl(
                            List.of(
                                    command,
                                    "-p",
                                    broker.virtualHost(),
                                    "-q",
                                    "--no-table-headers",
                                    "name"));
            return Optional.of(
                    output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
