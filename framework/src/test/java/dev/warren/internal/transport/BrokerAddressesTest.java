package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Address;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The nodes a connection tries: every one of them, in an order that differs between connections.
 */
class BrokerAddressesTest {
    private static final List<URI> NODES =
            List.of(
                    URI.create("amqp://app:pw@node1:5681/prod"),
                    URI.create("amqp://app:pw@node2/prod"),
                    URI.create("amqps://app:pw@node3/prod"));

    @Test
    void eachUriGivesItsHostAndPortTheSchemeFillingInAMissingPort() {
        assertThat(BrokerAddresses.addressesOf(NODES))
                .containsExactly(
                        new Address("node1", 5681),
                        new Address("node2", 5672),
                        new Address("node3", 5671));
    }

    @Test
    void everyConnectionTriesEveryNodeOnce() {
        BrokerAddresses addresses = BrokerAddresses.of(NODES);

        for (int i = 0; i < 20; i++) {
            assertThat(addresses.getAddresses())
                    .containsExactlyInAnyOrderElementsOf(BrokerAddresses.addressesOf(NODES));
        }
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        List<Address> nodes = BrokerAddresses.addressesOf(NODES);

        assertThat(BrokerAddresses.shuffled(nodes, new Random(42)))
                .isEqualTo(BrokerAddresses.shuffled(nodes, new Random(42)));
    }

    @Test
    void connectionsStartOnDifferentNodesSoAFleetSpreadsOverThem() {
        Random random = new Random(7);
        BrokerAddresses addresses =
                new BrokerAddresses(BrokerAddresses.addressesOf(NODES), () -> random);
        Set<Address> firstTried = new HashSet<>();

        for (int i = 0; i < 30; i++) {
            firstTried.add(addresses.getAddresses().get(0));
        }

        assertThat(firstTried).hasSize(3);
    }
}
