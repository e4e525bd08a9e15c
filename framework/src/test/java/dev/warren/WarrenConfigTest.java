package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WarrenConfigTest {
    private static final SigningKeys KEYS = SigningKeys.of("k1", secret());

    record Resize(String imageId) {}

    record Thumbnail(byte[] png) {}

    private static byte[] secret() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 9);
        return bytes;
    }

    private static WarrenConfig.Builder withKeys() {
        return WarrenConfig.custom().signingKeys(KEYS);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        WarrenConfig config = withKeys().build();

        assertThat(config.brokerUri()).isEqualTo(URI.create("amqp://guest:guest@localhost:5672"));
        assertThat(config.signingKeys()).isSameAs(KEYS);
        assertThat(config.registrations()).isEmpty();
        assertThat(config.maxBodyBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(config.maxMessageAge()).isEqualTo(Duration.ofHours(24));
        assertThat(config.maxClockSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.publishWindow()).isEqualTo(256);
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.replyQueueExpiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectAttempts()).isEqualTo(5);
        assertThat(config.connectionName()).isEqualTo("warren");
        assertThat(config.quorumQueues()).isFalse();
    }

    @Test
    void buildingWithoutSigningKeysFailsWithASentence() {
        assertThatThrownBy(() -> WarrenConfig.custom().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("signingKeys are required")
                .hasMessageContaining(SigningKeys.ENVIRONMENT_VARIABLE);
    }

    @Test
    void registrationsKeepTheirOrderAndCannotBeChangedAfterBuild() {
        WarrenConfig config =
                withKeys().register(Thumbnail.class, 101).register(Resize.class, 100).build();

        assertThat(config.registrations())
                .containsExactly(
                        java.util.Map.entry(Thumbnail.class, 101),
                        java.util.Map.entry(Resize.class, 100));
        assertThatThrownBy(() -> config.registrations().put(String.class, 200))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anIdOutsideTheExplicitRangeIsRefusedNamingClassAndId() {
        assertThatThrownBy(() -> withKeys().register(Resize.class, 99))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(Resize.class.getName())
                .hasMessageContaining("from 100 to 999999")
                .hasMessageContaining("99");
        assertThatThrownBy(() -> withKeys().register(Resize.class, 1_000_000))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("was 1000000");
        assertThatCode(() -> withKeys().register(Resize.class, 100)).doesNotThrowAnyException();
        assertThatCode(() -> withKeys().register(Resize.class, 999_999)).doesNotThrowAnyException();
    }

    @Test
    void taskClassesNamedWithTasksAreKeptInOrderWithoutDuplicates() {
        WarrenConfig config = withKeys().tasks(Resize.class, Resize.class).build();

        assertThat(config.tasks()).containsExactly(Resize.class);
        assertThat(config.toBuilder().build().tasks()).containsExactly(Resize.class);
        assertThat(withKeys().build().tasks()).isEmpty();
    }

    @Test
    void theSameIdForTwoClassesIsRefusedNamingBoth() {
        WarrenConfig.Builder builder = withKeys().register(Resize.class, 100);

        assertThatThrownBy(() -> builder.register(Thumbnail.class, 100))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("100")
                .hasMessageContaining(Resize.class.getName())
                .hasMessageContaining(Thumbnail.class.getName());
        assertThat(builder.build().registrations()).containsOnlyKeys(Resize.class);
    }

    @Test
    void theSameClassWithTwoIdsIsRefusedNamingBothIds() {
        WarrenConfig.Builder builder = withKeys().register(Resize.class, 100);

        assertThatThrownBy(() -> builder.register(Resize.class, 101))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(Resize.class.getName())
                .hasMessageContaining("100")
                .hasMessageContaining("101");
        assertThat(builder.build().registrations()).containsEntry(Resize.class, 100);
    }

    @Test
    void theSameClassWithTheSameIdTwiceIsHarmless() {
        WarrenConfig config =
                withKeys().register(Resize.class, 1000).register(Resize.class, 1000).build();

        assertThat(config.registrations()).hasSize(1).containsEntry(Resize.class, 1000);
    }

    @Test
    void aCatalogAppliesItsRegistrations() {
        TaskCatalog catalog = b -> b.register(Resize.class, 100).register(Thumbnail.class, 101);

        WarrenConfig config = withKeys().catalog(catalog).build();

        assertThat(config.registrations()).containsOnlyKeys(Resize.class, Thumbnail.class);
    }

    @Test
    void aBrokerUriThatIsNotAmqpIsRefused() {
        assertThatThrownBy(() -> withKeys().brokerUri("http://guest:hunter22@localhost:15672"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("amqp://")
                .hasMessageContaining("http://guest:***@localhost:15672")
                .hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> withKeys().brokerUri(URI.create("localhost:5672")))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aBrokerUriWithoutHostIsRefused() {
        assertThatThrownBy(() -> withKeys().brokerUri("amqp:///vhost"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no host");
    }

    @Test
    void amqpsUrisAreAccepted() {
        WarrenConfig config =
                withKeys().brokerUri("amqps://app:pw@rabbit.example:5671/prod").build();

        assertThat(config.brokerUri().getScheme()).isEqualTo("amqps");
    }

    @Test
    void brokerAddressForHumansHidesThePassword() {
        WarrenConfig config =
                withKeys().brokerUri("amqp://alice:s3cr3t-pw@rabbit.example:5672/%2Fprod").build();

        assertThat(config.brokerAddressForHumans())
                .isEqualTo("amqp://alice:***@rabbit.example:5672/%2Fprod")
                .doesNotContain("s3cr3t-pw");
        assertThat(config.toString()).contains("alice:***@").doesNotContain("s3cr3t-pw");
        assertThat(config.brokerUri().toString()).contains("s3cr3t-pw");
    }

    @Test
    void brokerAddressForHumansLeavesAUriWithoutCredentialsAlone() {
        WarrenConfig config = withKeys().brokerUri("amqp://rabbit.example").build();

        assertThat(config.brokerAddressForHumans()).isEqualTo("amqp://rabbit.example");
    }

    @Test
    void anUnparsableBrokerUriIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> withKeys().brokerUri("amqp://guest:pass word@localhost:5672"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("pass word");
    }

    static Stream<Arguments> durationOptions() {
        return Stream.of(
                option("maxMessageAge", WarrenConfig.Builder::maxMessageAge),
                option("publishTimeout", WarrenConfig.Builder::publishTimeout),
                option("replyQueueExpiry", WarrenConfig.Builder::replyQueueExpiry),
                option("heartbeat", WarrenConfig.Builder::heartbeat));
    }

    private static Arguments option(String name, BiConsumer<WarrenConfig.Builder, Duration> set) {
        return Arguments.of(name, set);
    }

    @ParameterizedTest(name = "{0} must be positive")
    @MethodSource("durationOptions")
    void zeroOrNegativeDurationsAreRefusedNamingTheOption(
            String name, BiConsumer<WarrenConfig.Builder, Duration> set) {
        assertThatThrownBy(() -> set.accept(withKeys(), Duration.ZERO))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(() -> set.accept(withKeys(), Duration.ofSeconds(-5)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("PT-5S");
        assertThatCode(() -> set.accept(withKeys(), Duration.ofMinutes(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void aNegativeClockSkewIsRefusedButZeroIsAllowed() {
        assertThatThrownBy(() -> withKeys().maxClockSkew(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxClockSkew");

        assertThat(withKeys().maxClockSkew(Duration.ZERO).build().maxClockSkew()).isZero();
    }

    @Test
    void aReplyQueueExpiryUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> withKeys().replyQueueExpiry(Duration.ofMillis(999)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("replyQueueExpiry")
                .hasMessageContaining("1s");
    }

    @Test
    void aRefusedValueDoesNotStayInTheBuilder() {
        WarrenConfig.Builder builder = withKeys();

        assertThatThrownBy(() -> builder.replyQueueExpiry(Duration.ofMillis(500)))
                .isInstanceOf(ConfigurationException.class);

        assertThat(builder.build().replyQueueExpiry()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void tooSmallNumbersAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> withKeys().maxBodyBytes(1023))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxBodyBytes")
                .hasMessageContaining("1023");
        assertThatThrownBy(() -> withKeys().publishWindow(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("publishWindow");
        assertThatThrownBy(() -> withKeys().connectAttempts(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectAttempts");
        assertThatThrownBy(() -> withKeys().connectionName(" "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectionName");
    }

    @Test
    void toBuilderCopiesEveryValue() {
        WarrenConfig original =
                withKeys()
                        .brokerUri("amqps://u:p@h:5671")
                        .register(Resize.class, 300)
                        .maxBodyBytes(4096)
                        .maxMessageAge(Duration.ofMinutes(5))
                        .maxClockSkew(Duration.ofSeconds(3))
                        .publishWindow(7)
                        .publishTimeout(Duration.ofSeconds(4))
                        .replyQueueExpiry(Duration.ofSeconds(90))
                        .heartbeat(Duration.ofSeconds(2))
                        .connectAttempts(9)
                        .connectionName("thumbnailer")
                        .quorumQueues(true)
                        .build();

        WarrenConfig copy = original.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(copy.quorumQueues()).isTrue();
        assertThat(copy.connectionName()).isEqualTo("thumbnailer");
    }
}
