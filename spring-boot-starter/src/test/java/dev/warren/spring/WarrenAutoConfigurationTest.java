package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.sync.Coordinator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conditions and the property checks, without a broker. */
class WarrenAutoConfigurationTest {
    static final String KEYS = SigningKeys.generate("k1");

    /** Nothing listens on port 1: a start that got as far as connecting would fail differently. */
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    WarrenAutoConfiguration.class,
                                    WarrenHealthAutoConfiguration.class))
                    .withPropertyValues(
                            "warren.broker.uri=amqp://127.0.0.1:1", "warren.keys=" + KEYS);

    @Test
    void aWrongPropertyFailsTheStartWithWarrensSentenceNamingIt() {
        runner.withPropertyValues("warren.publish-window=0")
                .run(
                        context ->
                                assertThat(context)
                                        .hasFailed()
                                        .getFailure()
                                        .rootCause()
                                        .isInstanceOf(WarrenPropertyException.class)
                                        .hasMessage(
                                                "warren.publish-window: publishWindow must be at"
                                                        + " least 1, was 0"));
    }

    @Test
    void aWrongWorkerPropertyFailsTheStartBeforeTheBrokerIsAsked() {
        runner.withPropertyValues("warren.worker.queues=payments", "warren.worker.concurrency=0")
                .run(
                        context ->
                                assertThat(context)
                                        .hasFailed()
                                        .getFailure()
                                        .rootCause()
                                        .hasMessage(
                                                "warren.worker.concurrency: concurrency must be at"
                                                        + " least 1, was 0"));
    }

    @Test
    void aWrongQueueNameIsNamed() {
        runner.withPropertyValues("warren.worker.queues=bad queue")
                .run(
                        context ->
                                assertThat(context)
                                        .hasFailed()
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageStartingWith("warren.worker.queues: "));
    }

    @Test
    void theFailureAnalysisShowsTheSentenceAndWhatToFix() {
        WarrenPropertyException failure =
                new WarrenPropertyException("warren.worker.concurrency", "must be at least 1");

        FailureAnalysis analysis = new WarrenConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("warren.worker.concurrency: must be at least 1");
        assertThat(analysis.getAction()).contains("Fix warren.worker.concurrency");
    }

    @Test
    void theApplicationsOwnBeansReplaceTheStartersAndTheHealthIndicatorUsesThem() {
        runner.withUserConfiguration(OwnBeans.class)
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(context.getBean(Broker.class))
                                    .isSameAs(context.getBean(OwnBeans.class).broker);
                            assertThat(context).hasSingleBean(TaskClient.class);
                            assertThat(context).hasSingleBean(Coordinator.class);
                            assertThat(context).hasSingleBean(WarrenHealthIndicator.class);
                            assertThat(context.getBean(WarrenWorkers.class).config()).isEmpty();
                        });
    }

    @Test
    void workersAndCoordinationCanBeSwitchedOff() {
        runner.withUserConfiguration(OwnBrokerAndClient.class)
                .withPropertyValues(
                        "warren.worker.enabled=false",
                        "warren.worker.queues=payments",
                        "warren.coordination=false")
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(context).doesNotHaveBean(WarrenWorkers.class);
                            assertThat(context).doesNotHaveBean(Coordinator.class);
                        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withUserConfiguration(OwnBrokerAndClient.class)
                .withPropertyValues(
                        "warren.coordination=false", "management.health.warren.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WarrenHealthIndicator.class));
    }

    static Broker brokerMock() {
        Broker broker = mock(Broker.class);
        when(broker.config())
                .thenReturn(
                        WarrenConfig.custom().signingKeys(SigningKeys.parse(KEYS, "test")).build());
        when(broker.isConnected()).thenReturn(true);
        return broker;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBrokerAndClient {
        final Broker broker = brokerMock();

        @Bean
        Broker ownBroker() {
            return broker;
        }

        @Bean
        TaskClient ownClient() {
            return mock(TaskClient.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans extends OwnBrokerAndClient {
        @Bean
        Coordinator ownCoordinator() {
            return mock(Coordinator.class);
        }
    }
}
