package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.warren.Broker;
import dev.warren.sync.Coordinator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.support.StaticApplicationContext;

class WarrenHealthIndicatorTest {
    private final Broker broker = WarrenAutoConfigurationTest.brokerMock();
    private final StaticApplicationContext beans = new StaticApplicationContext();

    @Test
    void upWhenTheBrokerIsConnectedAndNothingElseIsConfigured() {
        assertThat(health().getStatus()).isEqualTo(Status.UP);
        assertThat(health().getDetails())
                .containsEntry("broker", "amqp://guest:***@localhost:5672");
    }

    @Test
    void downWithTheReasonWhileTheBrokerConnectionsRecover() {
        when(broker.isConnected()).thenReturn(false);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString())
                .startsWith("the connections to amqp://guest:***@localhost:5672 are down");
    }

    @Test
    void downWhenTheCoordinatorLostItsConnection() {
        Coordinator coordinator = mock(Coordinator.class);
        when(coordinator.isOpen()).thenReturn(false);
        beans.getBeanFactory().registerSingleton("coordinator", coordinator);

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString())
                .contains("coordinator's connection");
    }

    @Test
    void downWhenAConfiguredWorkerIsNotRunning() {
        beans.getBeanFactory()
                .registerSingleton(
                        "workers",
                        new WarrenWorkers(
                                () -> broker,
                                dev.warren.worker.WorkerConfig.custom()
                                        .queues("payments")
                                        .build()));

        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("reason", "the worker for [payments] is not running");
    }

    private Health health() {
        ObjectProvider<WarrenWorkers> workers = beans.getBeanProvider(WarrenWorkers.class);
        ObjectProvider<Coordinator> coordinator = beans.getBeanProvider(Coordinator.class);
        return new WarrenHealthIndicator(broker, workers, coordinator).health();
    }
}
