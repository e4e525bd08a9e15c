package dev.warren.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The kit as a user meets it: sample classes written with it, run through a launcher. */
class TestKitIT {
    private final BrokerEndpoint broker = BrokerEndpoint.shared();

    @BeforeEach
    void launchSamples() {
        KitSamples.launchedByTheTest = true;
        KitSamples.namespaces.clear();
    }

    @AfterEach
    void stopSamples() {
        KitSamples.launchedByTheTest = false;
    }

    @Test
    void eachClassGetsItsOwnNamespaceAndNothingOfItIsLeftAfterIt() throws Exception {
        TestExecutionSummary summary =
                run(KitSamples.UsesTheKit.class, KitSamples.StartsWorkersOnDemand.class);

        summary.getFailures().forEach(f -> f.getException().printStackTrace());
        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(KitSamples.namespaces).hasSize(2).doesNotHaveDuplicates();
        for (String namespace : KitSamples.namespaces) {
            String root = "warren@" + namespace + ".";
            assertThat(BrokerListing.queues(broker).orElseThrow())
                    .noneMatch(q -> q.startsWith(root));
            assertThat(BrokerListing.exchanges(broker).orElseThrow())
                    .noneMatch(e -> e.startsWith(root));
        }
    }

    private static TestExecutionSummary run(Class<?>... testClasses) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> c : testClasses) {
            request.selectors(selectClass(c));
        }
        LauncherFactory.create().execute(request.build(), listener);
        return listener.getSummary();
    }
}
