package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceConfigTest {
    private static WarrenConfig.Builder builder() {
        return WarrenConfig.custom().signingKeys(SigningKeys.of("k1", new byte[32]));
    }

    @Test
    void noNamespaceUnlessOneIsSetAndBlankMeansNone() {
        assertThat(builder().build().namespace()).isEmpty();
        assertThat(builder().namespace(" ").build().namespace()).isEmpty();
        assertThat(builder().namespace(null).build().namespace()).isEmpty();
    }

    @Test
    void theConfigurationCarriesItsNamespaceIntoVariants() {
        WarrenConfig config = builder().namespace("team-7").build();
        assertThat(config.namespace()).isEqualTo("team-7");
        assertThat(config.toBuilder().build().namespace()).isEqualTo("team-7");
        assertThat(config.toString()).contains("namespace=team-7");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.b",
                "Acme",
                "a@b",
                "-a",
                "a b",
                "abcdefghijabcdefghijabcdefghijabcdefghijk"
            })
    void aNamespaceThatCouldBlurTheNamingRuleIsRefusedWithASentence(String bad) {
        assertThatThrownBy(() -> builder().namespace(bad))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("namespace must be 1-40 lowercase letters")
                .hasMessageContaining("no dots")
                .hasMessageEndingWith("was: " + bad);
    }
}
