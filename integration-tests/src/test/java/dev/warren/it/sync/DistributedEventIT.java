package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedEvent;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WarrenTest
class DistributedEventIT {

    @Test
    void fiveWaitingProcessesAllWakeOnOneSet(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-event-5");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedEvent event = DistributedEvent.named(name, coordinator);
            List<JvmProcess> children = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    children.add(SyncChild.launch(broker, "event-wait", name));
                }
                for (JvmProcess child : children) {
                    child.awaitLine("WAITING", Duration.ofSeconds(60));
                }
                // every waiter has bound its wake queue: then none can miss the set
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> bindings(broker, name) == 5L);
                assertThat(children).allSatisfy(c -> assertThat(c.line("WOKE")).isEmpty());
                long setAt = System.currentTimeMillis();
                event.set();
                long slowest = 0;
                for (JvmProcess child : children) {
                    String[] woke = child.awaitLine("WOKE", Duration.ofSeconds(10)).split(" ");
                    assertThat(woke[0]).isEqualTo("true");
                    slowest = Math.max(slowest, Long.parseLong(woke[1]) - setAt);
                }
                System.out.printf(
                        "event: 5 waiting processes all woke within %d ms of set()%n", slowest);
            } finally {
                children.forEach(JvmProcess::close);
                event.delete();
            }
        }
    }

    @Test
    void aLateWaiterReturnsAtOnceAndClearMakesNewWaitersBlock(TestBroker broker) {
        String name = broker.uniqueName("it-event-clear");
        try (Coordinator a = Coordinator.connect(broker.config().build());
                Coordinator b = Coordinator.connect(broker.config().build())) {
            DistributedEvent setter = DistributedEvent.named(name, a);
            DistributedEvent waiter = DistributedEvent.named(name, b);
            try {
                assertThat(waiter.isSet()).isFalse();
                assertThat(waiter.await(Duration.ofMillis(200))).isFalse();
                setter.set();
                setter.set(); // idempotent: still one state message
                long start = System.nanoTime();
                assertThat(waiter.await(Duration.ofSeconds(5))).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isLessThan(Duration.ofSeconds(1));
                assertThat(waiter.isSet()).isTrue();
                setter.clear();
                assertThat(waiter.isSet()).isFalse();
                assertThat(waiter.await(Duration.ofMillis(300))).isFalse();
            } finally {
                setter.delete();
            }
        }
    }

    /** Wake queues bound to the event's exchange. */
    private static long bindings(TestBroker broker, String name) throws Exception {
        String exchange = "warren.sync.event." + name + "#wake";
        return broker.rabbitmqctl("list_bindings", "-q", "--no-table-headers", "source_name")
                .lines()
                .filter(l -> l.strip().equals(exchange))
                .count();
    }
}
