package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueAddressesTest {
    private final QueueAddresses jobs = QueueAddresses.of("", "jobs");

    @Test
    void theQueuesLiveUnderTheSyncPrefixWithTheirPartsAfterTheSeparator() {
        assertThat(jobs.items()).isEqualTo("warren.sync.queue.jobs");
        assertThat(jobs.unfinished()).isEqualTo("warren.sync.queue.jobs#unfinished");
        assertThat(jobs.slots()).isEqualTo("warren.sync.queue.jobs#slots");
        assertThat(jobs.bound()).isEqualTo("warren.sync.queue.jobs#bound");
        assertThat(jobs.primitive()).isEqualTo("queue 'jobs'");
    }

    @Test
    void eachKindOfMessageIsSignedForItsOwnQueueAndPurpose() {
        assertThat(jobs.item().destination()).isEqualTo(jobs.items());
        assertThat(jobs.item().purpose()).isEqualTo("queue-item:jobs");
        assertThat(jobs.marker().destination()).isEqualTo(jobs.unfinished());
        assertThat(jobs.slot().destination()).isEqualTo(jobs.slots());
        assertThat(jobs.marker().purpose()).isNotEqualTo(jobs.slot().purpose());
    }

    @Test
    void deleteReachesEveryQueueIncludingTheSlotsReadyMarker() {
        assertThat(jobs.all())
                .contains(
                        jobs.items(),
                        jobs.unfinished(),
                        jobs.slots(),
                        jobs.bound(),
                        "warren.sync.queue.jobs#slots#ready-v2");
    }
}
