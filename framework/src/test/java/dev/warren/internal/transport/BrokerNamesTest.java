package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerNamesTest {
    private final BrokerNames acme = BrokerNames.of("acme");

    @Test
    void everyNameOfANamespaceStartsWithItsRoot() {
        assertThat(
                        new String[] {
                            acme.workQueue("images"),
                            acme.deadLetterQueue("images"),
                            acme.delayQueue("images", Duration.ofSeconds(2)),
                            acme.takenLog("images"),
                            acme.replyQueue("c1"),
                            acme.heartbeats(),
                            acme.notices(),
                            acme.syncPrefix()
                        })
                .containsExactly(
                        "warren@acme.images",
                        "warren@acme.images.dead",
                        "warren@acme.images.delay.2000",
                        "warren@acme.images.taken",
                        "warren@acme.reply.c1",
                        "warren@acme.heartbeats",
                        "warren@acme.notices",
                        "warren@acme.sync.");
    }

    @Test
    void aQueueWithDotsWithoutANamespaceNeverMeetsTheSameQueueInANamespace() {
        assertThat(BrokerNames.DEFAULT.workQueue("acme.images"))
                .isEqualTo("warren.acme.images")
                .isNotEqualTo(acme.workQueue("images"));
        assertThat(acme.root()).isEqualTo("warren@acme");
    }

    @Test
    void withoutANamespaceTheNamesAreTheOnesWarrenAlwaysUsed() {
        assertThat(BrokerNames.of("")).isSameAs(BrokerNames.DEFAULT);
        assertThat(BrokerNames.DEFAULT.workQueue("images")).isEqualTo(Topology.workQueue("images"));
        assertThat(BrokerNames.DEFAULT.replyQueue("c1")).isEqualTo("warren.reply.c1");
        assertThat(BrokerNames.DEFAULT.heartbeats()).isEqualTo("warren.heartbeats");
        assertThat(BrokerNames.DEFAULT.takenLog("a.b")).isEqualTo("warren.a.b.taken");
    }
}
