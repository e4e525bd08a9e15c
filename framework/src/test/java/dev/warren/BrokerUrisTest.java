package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker URI from the environment: read, checked, and never quoted with its password. */
class BrokerUrisTest {
    private static final String VARIABLE = BrokerUris.ENVIRONMENT_VARIABLE;

    @Test
    void theUriInTheVariableIsUsed() {
        List<URI> uri =
                BrokerUris.fromEnvironment(
                        VARIABLE,
                        Map.of(VARIABLE, " amqps://app:s3cret@rabbit.example:5671/prod\n")::get);

        assertThat(uri).containsExactly(URI.create("amqps://app:s3cret@rabbit.example:5671/prod"));
    }

    @Test
    void anUnsetVariableIsNamed() {
        assertThatThrownBy(() -> BrokerUris.fromEnvironment(VARIABLE, name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WARREN_BROKER_URI is not set");
    }

    @Test
    void aWrongUriInTheVariableIsNamedWithoutItsPassword() {
        assertThatThrownBy(
                        () ->
                                BrokerUris.fromEnvironment(
                                        VARIABLE,
                                        Map.of(VARIABLE, "http://app:hunter22@rabbit:15672")::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WARREN_BROKER_URI")
                .hasMessageContaining("amqp://")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void theBuilderReadsTheEnvironmentAndFailsNamingTheVariable() {
        WarrenConfig.Builder builder = WarrenConfig.custom();
        if (System.getenv(VARIABLE) == null) {
            assertThatThrownBy(builder::brokerUriFromEnvironment)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(VARIABLE);
        } else {
            assertThat(builder.brokerUriFromEnvironment()).isSameAs(builder);
        }
    }

    @Test
    void aCommaSeparatedListGivesEveryNodeInTheOrderGiven() {
        List<URI> uris =
                BrokerUris.parseList(
                        "amqp://app:pw@node1:5681/prod, amqp://app:pw@node2:5682/prod,"
                                + "amqp://app:pw@node3:5683/prod");

        assertThat(uris).extracting(URI::getHost).containsExactly("node1", "node2", "node3");
    }

    @Test
    void aListThatDisagreesOnTlsNamesBothUrisWithoutPasswords() {
        assertThatThrownBy(
                        () ->
                                BrokerUris.parseList(
                                        "amqp://app:hunter22@node1:5672,amqps://app:hunter22@node2:5671"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("amqp://app:***@node1:5672")
                .hasMessageContaining("amqps://app:***@node2:5671")
                .hasMessageContaining("TLS")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void aListThatDisagreesOnTheUserOrTheVhostIsRefused() {
        assertThatThrownBy(() -> BrokerUris.parseList("amqp://a:pw@n1/prod,amqp://b:pw@n2/prod"))
                .hasMessageContaining("user or password")
                .hasMessageNotContaining(":pw@");
        assertThatThrownBy(() -> BrokerUris.parseList("amqp://a:pw@n1/prod,amqp://a:pw@n2/test"))
                .hasMessageContaining("the vhost");
        assertThatThrownBy(
                        () ->
                                BrokerUris.parseList(
                                        "amqp://a@n1?heartbeat=5,amqp://a@n2?heartbeat=60"))
                .hasMessageContaining("query parameters");
    }

    @Test
    void anEmptyEntryOrANodeGivenTwiceIsRefused() {
        assertThatThrownBy(() -> BrokerUris.parseList("amqp://n1,,amqp://n2"))
                .hasMessageContaining("empty entry");
        assertThatThrownBy(() -> BrokerUris.parseList("amqp://n1:5672,amqp://N1"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> BrokerUris.parseList("amqp://n1,http://n2"))
                .hasMessageContaining("amqp://");
    }

    @Test
    void theConfigKeepsTheListAndShowsItWithoutPasswords() {
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri("amqp://app:s3cr3t@node1:5681,amqp://app:s3cr3t@node2:5682")
                        .signingKeys(
                                SigningKeys.of("k1", "0123456789abcdef0123456789abcdef".getBytes()))
                        .build();

        assertThat(config.brokerUris()).hasSize(2);
        assertThat(config.brokerUri()).isEqualTo(URI.create("amqp://app:s3cr3t@node1:5681"));
        assertThat(config.brokerAddressForHumans())
                .isEqualTo("amqp://app:***@node1:5681,amqp://app:***@node2:5682");
    }
}
