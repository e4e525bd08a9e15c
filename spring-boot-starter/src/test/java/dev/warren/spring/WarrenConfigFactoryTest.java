package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.SigningKeys;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WarrenConfigFactoryTest {
    static final String KEYS = SigningKeys.generate("k1");

    @Test
    void unsetPropertiesKeepWarrensDefaults() {
        WarrenConfig config = build(withKeys());
        WarrenConfig defaults =
                WarrenConfig.custom().signingKeys(SigningKeys.parse(KEYS, "test")).build();

        assertThat(config.brokerUri()).isEqualTo(WarrenConfig.DEFAULT_BROKER_URI);
        assertThat(config.publishWindow()).isEqualTo(defaults.publishWindow());
        assertThat(config.maxBodyBytes()).isEqualTo(defaults.maxBodyBytes());
        assertThat(config.quorumQueues()).isFalse();
        assertThat(config.connectionName()).isEqualTo(defaults.connectionName());
        assertThat(config.signingKeys().ids()).containsExactly("k1");
    }

    @Test
    void everyPropertyReachesTheConfiguration() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqps://rabbit.example.com:5671/prod");
        properties.setPublishWindow(32);
        properties.setMaxBodySize(DataSize.ofMegabytes(1));
        properties.setQueueType(WarrenProperties.QueueType.QUORUM);
        properties.setConnectionName("checkout");
        properties.setNamespace("shop");

        WarrenConfig config = build(properties);

        assertThat(config.brokerUri()).hasToString("amqps://rabbit.example.com:5671/prod");
        assertThat(config.publishWindow()).isEqualTo(32);
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.quorumQueues()).isTrue();
        assertThat(config.connectionName()).isEqualTo("checkout");
        assertThat(config.namespace()).isEqualTo("shop");
    }

    @Test
    void aNamespaceWarrenRefusesIsNamedByItsProperty() {
        WarrenProperties properties = withKeys();
        properties.setNamespace("Shop.Front");
        assertThatThrownBy(() -> build(properties)).hasMessageStartingWith("warren.namespace: ");
    }

    @Test
    void usernameAndPasswordReplaceTheUrisOwnAndArePercentEncoded() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqp://old:secret@rabbit:5672/vhost");
        properties.getBroker().setUsername("app");
        properties.getBroker().setPassword("p@ss:w/rd");

        URI uri = build(properties).brokerUri();

        assertThat(uri.getRawUserInfo()).isEqualTo("app:p%40ss%3Aw%2Frd");
        assertThat(uri.getHost()).isEqualTo("rabbit");
        assertThat(uri.getPort()).isEqualTo(5672);
        assertThat(uri.getRawPath()).isEqualTo("/vhost");
    }

    @Test
    void aPasswordAloneKeepsTheUrisUser() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqp://app@rabbit");
        properties.getBroker().setPassword("secret");

        assertThat(build(properties).brokerUri()).hasToString("amqp://app:secret@rabbit");
    }

    @Test
    void aPasswordWithoutAnyUserIsRefusedByName() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqp://rabbit");
        properties.getBroker().setPassword("secret");

        assertThatThrownBy(() -> build(properties))
                .isInstanceOf(WarrenPropertyException.class)
                .hasMessageStartingWith("warren.broker.password: a password needs a user");
    }

    @Test
    void aWrongValueFailsWithThePropertysNameBeforeWarrensSentence() {
        WarrenProperties properties = withKeys();
        properties.setPublishWindow(0);

        assertThatThrownBy(() -> build(properties))
                .isInstanceOf(WarrenPropertyException.class)
                .hasMessage("warren.publish-window: publishWindow must be at least 1, was 0")
                .extracting(e -> ((WarrenPropertyException) e).property())
                .isEqualTo("warren.publish-window");
    }

    @Test
    void aBrokerUriOfAnotherSchemeIsNamed() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("http://rabbit:5672");

        assertThatThrownBy(() -> build(properties))
                .hasMessageStartingWith(
                        "warren.broker.uri: broker URI must start with amqp:// or amqps://");
    }

    @Test
    void aTooSmallBodyLimitIsNamed() {
        WarrenProperties properties = withKeys();
        properties.setMaxBodySize(DataSize.ofBytes(10));

        assertThatThrownBy(() -> build(properties))
                .hasMessage("warren.max-body-size: maxBodyBytes must be at least 1024, was 10");
    }

    @Test
    void withoutKeysTheStartSaysWhereToPutThem() {
        assertThatThrownBy(() -> build(new WarrenProperties()))
                .hasMessageStartingWith("warren.keys: signing keys are required")
                .hasMessageContaining("WARREN_KEYS")
                .hasMessageContaining("warren.keys-file");
    }

    @Test
    void keysThatAreNotKeysAreNamedWithoutEchoingThem() {
        WarrenProperties properties = new WarrenProperties();
        properties.setKeys("c2VjcmV0");

        assertThatThrownBy(() -> build(properties))
                .hasMessageStartingWith("warren.keys: ")
                .hasMessageContaining("is not of the form id=base64secret")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void keysAndAKeyFileTogetherAreRefused() {
        WarrenProperties properties = withKeys();
        properties.setKeysFile(java.nio.file.Path.of("/etc/warren/keys"));

        assertThatThrownBy(() -> build(properties))
                .hasMessage("warren.keys-file: warren.keys is set too: keep one of them");
    }

    @Test
    void aCatalogByClassNameRegistersItsClasses() {
        WarrenProperties properties = withKeys();
        properties.getCatalog().add(SampleCatalog.class.getName());

        assertThat(build(properties).registrations()).containsEntry(Sample.class, 100);
    }

    @Test
    void aCatalogThatIsMissingOrNotACatalogIsNamed() {
        WarrenProperties missing = withKeys();
        missing.getCatalog().add("com.example.NoSuchCatalog");
        WarrenProperties notACatalog = withKeys();
        notACatalog.getCatalog().add(String.class.getName());

        assertThatThrownBy(() -> build(missing))
                .hasMessage(
                        "warren.catalog: class com.example.NoSuchCatalog is not on the classpath");
        assertThatThrownBy(() -> build(notACatalog))
                .hasMessage("warren.catalog: java.lang.String is not a dev.warren.TaskCatalog");
    }

    record Sample(int n) {}

    public static final class SampleCatalog implements TaskCatalog {
        @Override
        public void register(Registry registry) {
            registry.register(Sample.class, 100);
        }
    }

    private static WarrenProperties withKeys() {
        WarrenProperties properties = new WarrenProperties();
        properties.setKeys(KEYS);
        return properties;
    }

    private static WarrenConfig build(WarrenProperties properties) {
        return WarrenConfigFactory.builder(
                        properties, WarrenConfigFactoryTest.class.getClassLoader())
                .build();
    }

    @Test
    void aCommaSeparatedUriGivesEveryNodeTheUsernameAndPassword() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqp://node1:5681/prod, amqp://node2:5682/prod");
        properties.getBroker().setUsername("app");
        properties.getBroker().setPassword("secret");

        assertThat(build(properties).brokerUris())
                .extracting(URI::toString)
                .containsExactly(
                        "amqp://app:secret@node1:5681/prod", "amqp://app:secret@node2:5682/prod");
    }

    @Test
    void aUriListThatDisagreesIsNamedWithoutThePassword() {
        WarrenProperties properties = withKeys();
        properties.getBroker().setUri("amqp://app:secret@node1/prod,amqp://app:secret@node2/test");

        assertThatThrownBy(() -> build(properties))
                .hasMessageStartingWith(
                        "warren.broker.uri: broker URIs amqp://app:***@node1/prod and")
                .hasMessageNotContaining("secret");
    }
}
