package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing and retrying more dead letters than fit in one page. */
@WarrenTest
class DeadLetterPagesIT {
    private static final int LETTERS = 250;
    private static final int DEAD_LETTER_PAGE = 100;

    private static int depth(TestBroker test, String queue) {
        try {
            return Queues.depth(test, queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listAndRetryReachEveryLetterAcrossPagesInOrder(TestBroker test) throws Exception {
        String queue = test.uniqueName("ops-pages");
        try (Broker broker = Broker.connect(Ops.config(test))) {
            BrokerLink.of(broker).topology().declareWorkQueue(queue);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < LETTERS; i++) {
                Envelope letter =
                        Ops.deadLetter(test, broker, queue, new OpsEcho("e" + i), "FAILED", "boom");
                ids.add(letter.messageId());
            }
            DeadLetters letters = DeadLetters.of(broker);
            String deadQueue = Topology.deadLetterQueue(queue);
            assertThat(depth(test, deadQueue))
                    .as("letters ready before listing")
                    .isEqualTo(LETTERS);

            assertThat(letters.list(queue, 1000)).extracting(DeadLetter::id).isEqualTo(ids);
            assertThat(letters.list(queue, 150))
                    .extracting(DeadLetter::id)
                    .isEqualTo(ids.subList(0, 150));

            Set<String> wanted = new HashSet<>();
            for (int i = 0; i < LETTERS; i += 2) {
                wanted.add(ids.get(i));
            }
            String dead = Topology.deadLetterQueue(queue);
            List<Integer> stillInQueueWhenFirstSelected = new ArrayList<>();
            DeadLetters.RetryReport report =
                    letters.retry(
                            queue,
                            letter -> {
                                if (stillInQueueWhenFirstSelected.isEmpty()) {
                                    stillInQueueWhenFirstSelected.add(depth(test, dead));
                                }
                                return wanted.contains(letter.id());
                            });

            assertThat(stillInQueueWhenFirstSelected)
                    .as("letters not yet taken while the first page is looked at")
                    .containsExactly(LETTERS - DEAD_LETTER_PAGE);
            assertThat(report.retried()).hasSize(wanted.size());
            assertThat(report.left()).isEqualTo(LETTERS - wanted.size());
            assertThat(Queues.depth(test, Topology.workQueue(queue))).isEqualTo(wanted.size());
            assertThat(letters.list(queue, 1000))
                    .extracting(DeadLetter::id)
                    .isEqualTo(ids.stream().filter(id -> !wanted.contains(id)).toList());
        }
    }
}
