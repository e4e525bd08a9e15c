package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.sync.AcquireTimeoutException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WarrenTest
class DistributedLockIT {

    @Test
    void fourProcessesIncrementingAFileUnderTheLockLoseNoUpdate(
            TestBroker broker, @TempDir Path dir) throws Exception {
        String name = broker.uniqueName("it-lock-count");
        Path counter = dir.resolve("counter");
        SyncChild.writeCounterFile(counter);
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            List<JvmProcess> children = new ArrayList<>();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 4; i++) {
                    children.add(
                            SyncChild.launch(
                                    broker, "lock-increment", name, counter.toString(), "200"));
                }
                for (JvmProcess child : children) {
                    assertThat(child.awaitExit(Duration.ofSeconds(90)))
                            .as(child.outputText())
                            .isZero();
                    assertThat(child.outputText())
                            .contains("DONE")
                            .doesNotContain("FENCING-VIOLATION");
                }
                System.out.printf(
                        "lock: 4 processes x 200 increments in %d ms (JVM start included)%n",
                        (System.nanoTime() - start) / 1_000_000);
                String[] parts = Files.readString(counter).split(" ");
                assertThat(parts[0]).isEqualTo("800");
                assertThat(Long.parseLong(parts[1])).isGreaterThanOrEqualTo(800);
            } finally {
                children.forEach(JvmProcess::close);
                lock.delete();
            }
        }
    }

    @Test
    void aKilledHolderIsReplacedAtOnceByAWaiterWithALargerFencingToken(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-lock-kill");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                JvmProcess holder = SyncChild.launch(broker, "lock-hold", name)) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            try {
                long holderToken =
                        Long.parseLong(holder.awaitLine("HOLDING", Duration.ofSeconds(30)));
                try (JvmProcess waiter = SyncChild.launch(broker, "lock-wait", name)) {
                    waiter.awaitLine("WAITING", Duration.ofSeconds(30));
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> consumers(broker, "warren.sync.lock." + name) == 2);
                    long killedAt = System.currentTimeMillis();
                    holder.kill();
                    // detection time with a 2 s heartbeat is ~6 s for a silent holder; a killed one
                    // is seen at once
                    String[] acquired =
                            waiter.awaitLine("ACQUIRED", Duration.ofSeconds(6)).split(" ");
                    long takeover = Long.parseLong(acquired[1]) - killedAt;
                    System.out.printf(
                            "lock: takeover %d ms after SIGKILL of the holder%n", takeover);
                    assertThat(Long.parseLong(acquired[0])).isGreaterThan(holderToken);
                    assertThat(takeover).isLessThan(Coordinator.DEFAULT_HEARTBEAT.toMillis() * 3);
                }
            } finally {
                lock.delete();
            }
        }
    }

    @Test
    void aFrozenHolderLosesTheLockAfterAboutThreeHeartbeats(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-lock-frozen");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build());
                JvmProcess holder = SyncChild.launch(broker, "lock-hold", name)) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            try {
                long holderToken =
                        Long.parseLong(holder.awaitLine("HOLDING", Duration.ofSeconds(30)));
                holder.signal("STOP");
                long frozenAt = System.nanoTime();
                try (Lease lease = lock.acquire(Duration.ofSeconds(20))) {
                    long detection = (System.nanoTime() - frozenAt) / 1_000_000;
                    System.out.printf(
                            "lock: a SIGSTOPped holder lost the lock after %d ms (2 s heartbeat)%n",
                            detection);
                    assertThat(lease.fencingToken()).isGreaterThan(holderToken);
                    assertThat(detection).isBetween(2_000L, 12_000L);
                } finally {
                    holder.signal("CONT");
                }
            } finally {
                lock.delete();
            }
        }
    }

    @Test
    void waitersAreServedInArrivalOrderAndTokensGrowWithEveryGrant(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-lock-fifo");
        List<Coordinator> coordinators = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                coordinators.add(Coordinator.connect(broker.config().build()));
            }
            DistributedLock first = DistributedLock.named(name, coordinators.get(0));
            Lease held = first.acquire(Duration.ofSeconds(5));
            List<Integer> order = new CopyOnWriteArrayList<>();
            List<Long> tokens = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                DistributedLock lock = DistributedLock.named(name, coordinators.get(i));
                waiters.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    try (Lease lease = lock.acquire(Duration.ofSeconds(20))) {
                                        order.add(id);
                                        tokens.add(lease.fencingToken());
                                    }
                                }));
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> consumers(broker, "warren.sync.lock." + name) == expected);
            }
            held.close();
            CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get();

            assertThat(order).containsExactly(1, 2, 3);
            assertThat(tokens).isSorted().doesNotHaveDuplicates();
            assertThat(tokens.get(0)).isGreaterThan(held.fencingToken());
            first.delete();
        } finally {
            coordinators.forEach(Coordinator::close);
        }
    }

    @Test
    void tryAcquireReturnsEmptyAndAcquireTimesOutWhileTheLockIsHeld(TestBroker broker) {
        String name = broker.uniqueName("it-lock-try");
        try (Coordinator a = Coordinator.connect(broker.config().build());
                Coordinator b = Coordinator.connect(broker.config().build())) {
            DistributedLock lockA = DistributedLock.named(name, a);
            DistributedLock lockB = DistributedLock.named(name, b);
            try (Lease lease = lockA.tryAcquire().orElseThrow()) {
                assertThat(lease.isValid()).isTrue();
                assertThat(lockB.isLocked()).isTrue();
                assertThat(lockB.tryAcquire()).isEmpty();
                assertThatThrownBy(() -> lockB.acquire(Duration.ofMillis(200)))
                        .isInstanceOf(AcquireTimeoutException.class)
                        .hasMessageContaining("lock '" + name + "'");
            }
            Optional<Lease> after = lockB.tryAcquire();
            assertThat(after).isPresent();
            after.get().close();
            assertThat(after.get().isValid()).isFalse();
            lockA.delete();
        }
    }

    @Test
    void aLeaseIsReportedLostWhenItsLockIsDeletedOrItsCoordinatorCloses(TestBroker broker) {
        String name = broker.uniqueName("it-lock-lost");
        try (Coordinator a = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, a);
            Lease lease = lock.acquire(Duration.ofSeconds(5));
            AtomicBoolean lost = new AtomicBoolean();
            lease.onLost(() -> lost.set(true));
            lock.delete();
            await().atMost(Duration.ofSeconds(5)).untilTrue(lost);
            assertThat(lease.isValid()).isFalse();
        }
        Coordinator b = Coordinator.connect(broker.config().build());
        DistributedLock lock = DistributedLock.named(name, b);
        Lease lease = lock.acquire(Duration.ofSeconds(5));
        b.close();
        assertThat(lease.isValid()).isFalse();
        try (Coordinator c = Coordinator.connect(broker.config().build())) {
            DistributedLock.named(name, c).delete();
        }
    }

    @Test
    void processesCreatingTheSameLockAtOnceMakeExactlyOneTokenAndOneCounter(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-lock-init");
        List<Coordinator> coordinators = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                coordinators.add(Coordinator.connect(broker.config().build()));
            }
            List<CompletableFuture<DistributedLock>> created = new ArrayList<>();
            for (Coordinator c : coordinators) {
                created.add(CompletableFuture.supplyAsync(() -> DistributedLock.named(name, c)));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get();
            assertThat(messages(broker, "warren.sync.lock." + name)).isEqualTo(1);
            assertThat(messages(broker, "warren.sync.lock." + name + "#seq")).isEqualTo(1);
            created.get(0).get().delete();
        } finally {
            coordinators.forEach(Coordinator::close);
        }
    }

    static int consumers(TestBroker broker, String queue) throws Exception {
        try (Connection connection = broker.rawConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getConsumerCount();
        }
    }

    static int messages(TestBroker broker, String queue) throws Exception {
        try (Connection connection = broker.rawConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }
}
