package dev.warren;

import dev.warren.internal.transport.BrokerLink;

/**
 * A process's connection to RabbitMQ for tasks: open one per process, hand it to every {@code
 * TaskClient} and {@code Worker}, and close it last. Its connections recover by themselves after a
 * broker restart or a network cut; messages not yet confirmed then are published again.
 *
 * <pre>{@code
 * try (Broker broker = Broker.connect(config);
 *      TaskClient client = new TaskClient(broker)) {
 *     long sum = client.submit(new SumPrimes(100_000)).await(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class Broker implements AutoCloseable {
    static {
        BrokerLink.grantAccess(broker -> broker.link);
    }

    private final BrokerLink link;

    private Broker(BrokerLink link) {
        this.link = link;
    }

    /**
     * Connects, retrying with exponential backoff up to {@link WarrenConfig#connectAttempts()}
     * times.
     *
     * @throws BrokerUnavailableException naming the broker and the cause when it cannot connect
     * @throws ConfigurationException when the configuration cannot work (a bad registration, an
     *     unusable URI), before any I/O
     */
    public static Broker connect(WarrenConfig config) {
        return new Broker(BrokerLink.connect(config));
    }

    public WarrenConfig config() {
        return link.config();
    }

    /** Whether both connections are open right now (false while they recover). */
    public boolean isConnected() {
        return link.isConnected();
    }

    /** Closes consumers, waits briefly for outstanding confirms, then closes the connections. */
    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return "Broker[" + link.config().brokerAddressForHumans() + "]";
    }
}
