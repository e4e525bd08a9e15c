package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.ConfigurationException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedBarrier;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@WarrenTest
class DistributedBarrierIT {
    private static final Duration LINE_WAIT = Duration.ofSeconds(60);

    private static List<JvmProcess> launch(
            TestBroker broker, int count, String name, int parties, int rounds, long timeoutMs)
            throws Exception {
        List<JvmProcess> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(
                    SyncChild.launch(
                            broker,
                            "barrier-rounds",
                            name,
                            String.valueOf(parties),
                            String.valueOf(rounds),
                            String.valueOf(timeoutMs)));
        }
        for (JvmProcess child : children) {
            child.awaitLine("READY", LINE_WAIT);
        }
        return children;
    }

    private static long at(String rest, int field) {
        return Long.parseLong(rest.split(" ")[field]);
    }

    @Test
    void fourProcessesTripTogetherInEveryGenerationEachWithItsOwnIndex(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-barrier-4");
        int rounds = 5;
        List<JvmProcess> children = launch(broker, 4, name, 4, rounds, 60_000);
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedBarrier barrier = coordinator.barrier(name, 4);
            try {
                long slowest = 0;
                List<Long> trips = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    Set<Long> indexes = new TreeSet<>();
                    long lastArrival = 0;
                    long lastPass = 0;
                    for (JvmProcess child : children) {
                        String passed = child.awaitLine("PASSED " + round + " ", LINE_WAIT);
                        indexes.add(at(passed, 0));
                        lastPass = Math.max(lastPass, at(passed, 1));
                        String arriving = child.awaitLine("ARRIVING " + round + " ", LINE_WAIT);
                        lastArrival = Math.max(lastArrival, at(arriving, 0));
                    }
                    assertThat(indexes).as("round " + round).containsExactly(0L, 1L, 2L, 3L);
                    slowest = Math.max(slowest, lastPass - lastArrival);
                    trips.add(lastPass - lastArrival);
                }
                System.out.printf(
                        "barrier: 4 processes tripped together %d times; the last party passed"
                                + " at most %d ms after the last one arrived (rounds: %s ms)%n",
                        rounds, slowest, trips);
                for (JvmProcess child : children) {
                    assertThat(child.awaitLine("DROPPED", LINE_WAIT)).isEqualTo("0");
                    assertThat(child.line("BROKEN")).isEmpty();
                }
                assertThat(barrier.numberWaiting()).isZero();
                assertThat(barrier.isBroken()).isFalse();
            } finally {
                children.forEach(JvmProcess::close);
                barrier.delete();
            }
        }
    }

    @Test
    void onePartysTimeoutBreaksTheBarrierForEveryWaiter(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-barrier-timeout");
        List<JvmProcess> patient = launch(broker, 2, name, 4, 1, 60_000);
        List<JvmProcess> impatient = launch(broker, 1, name, 4, 1, 2_000);
        List<JvmProcess> all = new ArrayList<>(patient);
        all.addAll(impatient);
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedBarrier barrier = coordinator.barrier(name, 4);
            try {
                String own = impatient.get(0).awaitLine("BROKEN 0 ", LINE_WAIT);
                assertThat(own).contains("timed out after 2 s before all parties arrived");
                long slowest = 0;
                for (JvmProcess child : patient) {
                    String broken = child.awaitLine("BROKEN 0 ", Duration.ofSeconds(10));
                    assertThat(broken)
                            .contains("barrier '" + name + "' is broken")
                            .contains("timed out after 2 s");
                    slowest = Math.max(slowest, at(broken, 0) - at(own, 0));
                }
                System.out.printf(
                        "barrier: a 2 s timeout broke it for the 2 other waiters within %d ms%n",
                        slowest);
                assertThat(barrier.isBroken()).isTrue();
                assertThatThrownBy(() -> barrier.await(Duration.ofSeconds(5)))
                        .hasMessageContaining("is broken")
                        .hasMessageContaining("reset() it");
                barrier.reset();
                assertThat(barrier.isBroken()).isFalse();
            } finally {
                all.forEach(JvmProcess::close);
                barrier.delete();
            }
        }
    }

    @Test
    void aKilledPartyBreaksTheBarrierForTheOthersAtOnce(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-barrier-kill");
        List<JvmProcess> children = launch(broker, 3, name, 4, 1, 60_000);
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedBarrier barrier = coordinator.barrier(name, 4);
            try {
                await().atMost(LINE_WAIT).until(() -> barrier.numberWaiting() == 3);
                JvmProcess victim = children.get(1);
                long killedAt = System.currentTimeMillis();
                victim.kill();
                long slowest = 0;
                for (JvmProcess child : List.of(children.get(0), children.get(2))) {
                    String broken = child.awaitLine("BROKEN 0 ", Duration.ofSeconds(10));
                    assertThat(broken)
                            .contains(
                                    "died (its connection to the broker closed) before the"
                                            + " barrier tripped");
                    slowest = Math.max(slowest, at(broken, 0) - killedAt);
                }
                System.out.printf(
                        "barrier: a SIGKILLed party broke it for the 2 other waiters within %d"
                                + " ms%n",
                        slowest);
                assertThat(barrier.isBroken()).isTrue();
                assertThat(barrier.numberWaiting()).isZero();
                barrier.reset();
                assertThat(barrier.isBroken()).isFalse();
            } finally {
                children.forEach(JvmProcess::close);
                barrier.delete();
            }
        }
    }

    @Test
    void aFrozenPartyBreaksTheBarrierForTheOthersAfterAboutThreeHeartbeats(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-barrier-frozen");
        List<JvmProcess> children = launch(broker, 3, name, 4, 1, 60_000);
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedBarrier barrier = coordinator.barrier(name, 4);
            JvmProcess frozen = children.get(0);
            try {
                await().atMost(LINE_WAIT).until(() -> barrier.numberWaiting() == 3);
                long frozenAt = System.currentTimeMillis();
                frozen.signal("STOP");
                long slowest = 0;
                for (JvmProcess child : children.subList(1, 3)) {
                    String broken = child.awaitLine("BROKEN 0 ", Duration.ofSeconds(30));
                    assertThat(broken).contains("died (its connection to the broker closed)");
                    slowest = Math.max(slowest, at(broken, 0) - frozenAt);
                }
                System.out.printf(
                        "barrier: a frozen (SIGSTOP) party broke it for the 2 other waiters"
                                + " within %d ms (heartbeat %s)%n",
                        slowest, coordinator.heartbeat());
                assertThat(slowest).isGreaterThan(coordinator.heartbeat().toMillis());
            } finally {
                frozen.signal("CONT");
                children.forEach(JvmProcess::close);
                barrier.delete();
            }
        }
    }

    @Test
    void aBarrierAskedForWithAnotherNumberOfPartiesIsRefused(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-barrier-parties");
        try (Coordinator first = Coordinator.connect(broker.config().build());
                Coordinator second = Coordinator.connect(broker.config().build())) {
            DistributedBarrier three = first.barrier(name, 3);
            try {
                assertThatThrownBy(() -> second.barrier(name, 4))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessage(
                                "barrier '"
                                        + name
                                        + "' exists on the broker for 3 parties, not 4: give"
                                        + " every process the same number, or delete() the"
                                        + " barrier first");
                JvmProcess child =
                        SyncChild.launch(broker, "barrier-rounds", name, "2", "1", "1000");
                try {
                    assertThat(child.awaitExit(LINE_WAIT)).isNotZero();
                    assertThat(child.outputText()).contains("exists on the broker for 3 parties");
                    assertThat(child.line("ARRIVING")).isEmpty();
                } finally {
                    child.close();
                }
                assertThat(three.numberWaiting()).isZero();
                assertThat(second.barrier(name, 3).parties()).isEqualTo(3);
            } finally {
                three.delete();
            }
        }
    }
}
