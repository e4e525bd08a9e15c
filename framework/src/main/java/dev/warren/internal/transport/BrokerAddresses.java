package dev.warren.internal.transport;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The nodes a connection may use, tried in turn until one answers: at the first connection and at
 * every reconnect, so a lost node is left for the next one that answers.
 *
 * <p>Every connection tries them in a fresh shuffled order. Were the order the one given, every
 * process of a fleet would connect to the first node, and after its loss all of them to the second:
 * one node would carry every connection (and the queue leaders its clients declare) while the
 * others idle. Shuffled, the connections spread over the nodes.
 *
 * <pre>{@code
 * factory.newConnection(executor, BrokerAddresses.of(config.brokerUris()), name);
 * }</pre>
 */
public final class BrokerAddresses implements AddressResolver {
    private final List<Address> addresses;
    private final Supplier<Random> random;

    BrokerAddresses(List<Address> addresses, Supplier<Random> random) {
        this.addresses = List.copyOf(addresses);
        this.random = random;
    }

    /** The nodes of {@code uris}, shuffled for each connection. */
    public static BrokerAddresses of(List<URI> uris) {
        return new BrokerAddresses(addressesOf(uris), ThreadLocalRandom::current);
    }

    /** Host and port of each URI, the port defaulting by scheme (5671 for amqps, else 5672). */
    static List<Address> addressesOf(List<URI> uris) {
        List<Address> result = new ArrayList<>();
        for (URI uri : uris) {
            int port =
                    uri.getPort() >= 0
                            ? uri.getPort()
                            : "amqps".equals(uri.getScheme()) ? 5671 : 5672;
            result.add(new Address(uri.getHost(), port));
        }
        return result;
    }

    // The client library asks maybeShuffle only on connections with automatic recovery on; the
    // coordinator's connections have it off, so the shuffle happens here, for every connection.
    @Override
    public List<Address> getAddresses() {
        return shuffled(addresses, random.get());
    }

    @Override
    public List<Address> maybeShuffle(List<Address> input) {
        return input;
    }

    /** A shuffled copy of {@code input}; the same {@code random} seed gives the same order. */
    static List<Address> shuffled(List<Address> input, Random random) {
        List<Address> copy = new ArrayList<>(input);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Override
    public String toString() {
        return addresses.toString();
    }
}
