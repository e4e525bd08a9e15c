package dev.warren.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** What the extension deletes after a test class, and that it fails a class that leaves some. */
class RabbitMqExtensionIT {
    private final BrokerEndpoint broker = BrokerEndpoint.shared();

    @BeforeEach
    void launchSamples() {
        CleanupSamples.launchedByTheTest = true;
    }

    @AfterEach
    void stopSamples() {
        CleanupSamples.launchedByTheTest = false;
        CleanupSamples.redeclaring.set(false);
    }

    @Test
    void afterTheClassItsTaskQueuesAndWhatCarriesItsUniqueNamesAreGone() throws Exception {
        TestExecutionSummary summary = run(CleanupSamples.MakesQueues.class);

        assertThat(summary.getTestsSucceededCount()).isOne();
        assertThat(summary.getTotalFailureCount()).isZero();
        String name = CleanupSamples.uniqueName;
        assertThat(queues())
                .noneMatch(q -> q.startsWith("warren." + CleanupSamples.TASK_QUEUE))
                .noneMatch(q -> q.contains(name));
        assertThat(BrokerListing.exchanges(broker).orElseThrow()).noneMatch(e -> e.contains(name));
    }

    @Test
    void aClassThatLeavesAQueueBehindFailsNamingIt() throws Exception {
        TestExecutionSummary summary = run(CleanupSamples.LeavesAQueueDeclared.class);

        assertThat(summary.getTestsSucceededCount()).isOne();
        assertThat(summary.getFailures())
                .singleElement()
                .satisfies(
                        failure ->
                                assertThat(failure.getException())
                                        .isInstanceOf(AssertionError.class)
                                        .hasMessageContaining("left these on the broker")
                                        .hasMessageContaining(
                                                "warren." + CleanupSamples.uniqueName));

        CleanupSamples.redeclaring.set(false);
        try (Connection connection = broker.connect("warren-test-cleanup");
                Channel channel = connection.createChannel()) {
            Thread.sleep(200); // the leaked thread may declare it once more before it sees the flag
            channel.queueDelete("warren." + CleanupSamples.uniqueName);
        }
        assertThat(queues()).noneMatch(q -> q.contains(CleanupSamples.uniqueName));
    }

    private List<String> queues() throws InterruptedException {
        return BrokerListing.queues(broker).orElseThrow();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }
}
