package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import org.junit.jupiter.api.Test;

class QueueOptionsTest {
    @Test
    void anUnboundedQueueRecordsBoundZero() {
        assertThat(QueueOptions.unbounded().capacity()).isEmpty();
        assertThat(QueueOptions.unbounded().recordedBound()).isZero();
    }

    @Test
    void aBoundedQueueRecordsItsCapacity() {
        assertThat(QueueOptions.bounded(3).capacity()).hasValue(3);
        assertThat(QueueOptions.bounded(3).recordedBound()).isEqualTo(3);
        assertThat(QueueOptions.bounded(3)).hasToString("bounded to 3");
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> QueueOptions.bounded(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "queue capacity must be at least 1, was 0 (use QueueOptions.unbounded()"
                                + " for no bound)");
    }
}
