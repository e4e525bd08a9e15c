package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.ConfigurationException;
import dev.warren.sync.AcquireTimeoutException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedQueue;
import dev.warren.sync.QueueOptions;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Producers and consumers of one distributed queue in separate processes. */
@WarrenTest
class DistributedQueueIT {
    private static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    private static long lines(List<JvmProcess> processes, String prefix) {
        return processes.stream()
                .flatMap(p -> p.output().stream())
                .filter(l -> l.startsWith(prefix))
                .count();
    }

    @Test
    void itemsPutByTwoProcessesAreTakenByTwoOthersEachExactlyOnce(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-queue-mpmc");
        int each = 150;
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            List<JvmProcess> takers = new ArrayList<>();
            List<JvmProcess> producers = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    takers.add(QueueChild.launch(broker, "take", name, "0"));
                }
                for (JvmProcess taker : takers) {
                    taker.awaitLine("READY", CHILD_WAIT);
                }
                long start = System.nanoTime();
                producers.add(QueueChild.launch(broker, "put", name, "a", "" + each, "0"));
                producers.add(QueueChild.launch(broker, "put", name, "b", "" + each, "0"));
                for (JvmProcess producer : producers) {
                    producer.awaitLine("DONE", CHILD_WAIT);
                }
                await().atMost(CHILD_WAIT).until(() -> lines(takers, "TOOK ") == 2L * each);
                long millis = (System.nanoTime() - start) / 1_000_000;
                for (JvmProcess taker : takers) {
                    taker.closeInput();
                    taker.awaitLine("TAKEN", CHILD_WAIT);
                }
                List<String> took =
                        takers.stream()
                                .flatMap(p -> p.output().stream())
                                .filter(l -> l.startsWith("TOOK "))
                                .map(l -> l.substring(5))
                                .toList();
                Set<String> expected = new HashSet<>();
                for (int i = 1; i <= each; i++) {
                    expected.add("a-" + i);
                    expected.add("b-" + i);
                }
                System.out.printf(
                        "queue: %d items put by 2 processes, taken by 2 (%s and %s each) in %d ms"
                                + " including 2 JVM starts%n",
                        took.size(),
                        takers.get(0).line("TAKEN").orElse("?"),
                        takers.get(1).line("TAKEN").orElse("?"),
                        millis);
                assertThat(took).hasSize(2 * each).doesNotHaveDuplicates();
                assertThat(new HashSet<>(took)).isEqualTo(expected);
                assertThat(queue.unfinishedCount()).isZero();
                assertThat(queue.join(Duration.ofSeconds(1))).isTrue();
            } finally {
                takers.forEach(JvmProcess::close);
                producers.forEach(JvmProcess::close);
                queue.delete();
            }
        }
    }

    @Test
    void twoProducerProcessesNeverPutMoreThanTheBound(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-queue-bound");
        int capacity = 3;
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue =
                    coordinator.queue(name, String.class, QueueOptions.bounded(capacity));
            List<JvmProcess> producers = new ArrayList<>();
            try {
                producers.add(QueueChild.launch(broker, "put", name, "a", "10", "3"));
                producers.add(QueueChild.launch(broker, "put", name, "b", "10", "3"));
                for (JvmProcess producer : producers) {
                    producer.awaitLine("READY", CHILD_WAIT);
                }
                await().atMost(CHILD_WAIT)
                        .during(Duration.ofSeconds(1))
                        .until(() -> lines(producers, "PUT ") == capacity);
                assertThat(queue.size()).isEqualTo(capacity);
                assertThat(queue.offer("one too many")).isFalse();
                assertThat(queue.offer("one too many", Duration.ofMillis(200))).isFalse();
                long most = 0;
                Set<String> took = new HashSet<>();
                for (int i = 0; i < 20; i++) {
                    took.add(queue.get(Duration.ofSeconds(10)));
                    most = Math.max(most, queue.unfinishedCount());
                    queue.taskDone();
                    long putSoFar = lines(producers, "PUT ");
                    assertThat(putSoFar - took.size()).isLessThanOrEqualTo(capacity);
                }
                System.out.printf(
                        "bounded queue (3), 2 producer processes x 10: stalled at %d items, most"
                                + " unfinished seen while taking: %d, %d distinct taken%n",
                        capacity, most, took.size());
                assertThat(most).isLessThanOrEqualTo(capacity);
                assertThat(took).hasSize(20);
                assertThat(queue.join(Duration.ofSeconds(5))).isTrue();
            } finally {
                producers.forEach(JvmProcess::close);
                queue.delete();
            }
        }
    }

    @Test
    void joinInAnotherProcessReturnsOnlyOnceEveryItemIsMarkedDone(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-queue-join");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            try (JvmProcess joiner = QueueChild.launch(broker, "join", name, "0")) {
                for (int i = 1; i <= 3; i++) {
                    queue.put("job-" + i);
                }
                joiner.awaitLine("JOINING", CHILD_WAIT);
                for (int i = 1; i <= 3; i++) {
                    queue.get(Duration.ofSeconds(5));
                }
                assertThat(queue.size()).isZero();
                queue.taskDone();
                queue.taskDone();
                await().during(Duration.ofMillis(700))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> joiner.line("JOINED").isEmpty());
                assertThat(queue.join(Duration.ofMillis(100))).isFalse();
                long done = System.nanoTime();
                queue.taskDone();
                assertThat(joiner.awaitLine("JOINED", Duration.ofSeconds(10))).isEqualTo("true");
                System.out.printf(
                        "join in another process returned %d ms after the last taskDone%n",
                        (System.nanoTime() - done) / 1_000_000);
                assertThat(queue.join(Duration.ofSeconds(1))).isTrue();
            } finally {
                queue.delete();
            }
        }
    }

    @Test
    void aGetWithATimeoutOnAnEmptyQueueFailsClearlyAndWrongUseIsRefused(TestBroker broker) {
        String name = broker.uniqueName("it-queue-empty");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedQueue<String> queue = coordinator.queue(name, String.class);
            try {
                long start = System.nanoTime();
                assertThatThrownBy(() -> queue.get(Duration.ofMillis(300)))
                        .isInstanceOf(AcquireTimeoutException.class)
                        .hasMessage("queue '" + name + "' had no item to take within 300 ms");
                assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
                assertThat(queue.poll(Duration.ofMillis(100))).isEmpty();
                assertThat(queue.poll()).isEmpty();
                assertThatThrownBy(queue::taskDone)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("taskDone() was called more often");
                assertThatThrownBy(
                                () ->
                                        coordinator.queue(
                                                name, String.class, QueueOptions.bounded(5)))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("exists with another bound than bounded to 5");
                queue.put("x");
                assertThat(queue.poll()).contains("x");
                queue.taskDone();
                assertThat(queue.join(Duration.ofSeconds(1))).isTrue();
            } finally {
                queue.delete();
            }
        }
    }

    @Test
    void aQuorumQueueHoldsItsBoundAndJoinsLikeAClassicOne(TestBroker broker) {
        for (boolean quorum : new boolean[] {false, true}) {
            String name = broker.uniqueName(quorum ? "it-queue-quorum" : "it-queue-classic");
            try (Coordinator coordinator =
                    Coordinator.connect(broker.config().quorumQueues(quorum).build())) {
                DistributedQueue<Integer> queue =
                        coordinator.queue(name, Integer.class, QueueOptions.bounded(2));
                try {
                    assertThat(queue.offer(1)).isTrue();
                    assertThat(queue.offer(2)).isTrue();
                    assertThat(queue.offer(3)).isFalse();
                    assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo(1);
                    assertThat(queue.offer(3)).as("an item in hand still counts").isFalse();
                    queue.taskDone();
                    assertThat(queue.offer(3)).isTrue();
                    assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo(2);
                    assertThat(queue.get(Duration.ofSeconds(5))).isEqualTo(3);
                    queue.taskDone();
                    queue.taskDone();
                    assertThat(queue.join(Duration.ofSeconds(5))).isTrue();
                    int cycles = 300;
                    long start = System.nanoTime();
                    for (int i = 0; i < cycles; i++) {
                        queue.put(i);
                        queue.get(Duration.ofSeconds(5));
                        queue.taskDone();
                    }
                    double perCycle = (System.nanoTime() - start) / 1e6 / cycles;
                    System.out.printf(
                            "%s bounded queue: %.2f ms per put + get + taskDone (%d cycles, one"
                                    + " process)%n",
                            quorum ? "quorum" : "classic", perCycle, cycles);
                    assertThat(queue.join(Duration.ofSeconds(5))).isTrue();
                } finally {
                    queue.delete();
                }
            }
        }
    }
}
