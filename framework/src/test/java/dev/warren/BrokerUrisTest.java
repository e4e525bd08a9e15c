package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker URI from the environment: read, checked, and never quoted with its password. */
class BrokerUrisTest {
    private static final String VARIABLE = BrokerUris.ENVIRONMENT_VARIABLE;

    @Test
    void theUriInTheVariableIsUsed() {
        URI uri =
                BrokerUris.fromEnvironment(
                        VARIABLE,
                        Map.of(VARIABLE, " amqps://app:s3cret@rabbit.example:5671/prod\n")::get);

        assertThat(uri).isEqualTo(URI.create("amqps://app:s3cret@rabbit.example:5671/prod"));
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
}
