package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleShelfArgumentsTest {
    private static final Duration EXPIRY = Duration.ofDays(7);

    @Test
    void withQuorumABundleQueueIsQuorumWithoutDeliveryLimitOrSingleActiveConsumer() {
        assertThat(BundleShelf.arguments(EXPIRY, true))
                .isEqualTo(Map.of("x-expires", EXPIRY.toMillis(), "x-queue-type", "quorum"));
    }

    @Test
    void withoutQuorumABundleQueueIsDeclaredWithoutATypeAsBefore() {
        assertThat(BundleShelf.arguments(EXPIRY, false))
                .isEqualTo(Map.of("x-expires", EXPIRY.toMillis()));
    }
}
