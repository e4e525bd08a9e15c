package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import dev.warren.ConfigurationException;
import dev.warren.it.support.RawMessages;
import dev.warren.sync.Coordinator;
import dev.warren.sync.CoordinatorOptions;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.Lease;
import dev.warren.sync.Permit;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A held lease or permit is an unacknowledged delivery, which RabbitMQ takes back at its {@code
 * consumer_timeout}: locks are renewed before it, permits are bounded by it, and lease times end a
 * hold by themselves. The tests that need the broker's timeout shrink it to 2 s for the few seconds
 * in which they open their channels.
 */
@WarrenTest
class LongHoldsIT {
    private static final long SHRUNK_MILLIS = 2_000;

    @Test
    void aLockHeldAcrossSeveralConsumerTimeoutsStaysValidAndAWaiterElsewhereGetsItOnlyAfterRelease(
            TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-long-lock");
        String control = broker.uniqueName("it-long-control");
        CoordinatorOptions toldTwoSeconds =
                CoordinatorOptions.custom()
                        .brokerConsumerTimeout(Duration.ofMillis(SHRUNK_MILLIS))
                        .build();
        try (Coordinator setup = Coordinator.connect(broker.config().build())) {
            DistributedLock created = DistributedLock.named(name, setup);
            DistributedSemaphore unrenewed = DistributedSemaphore.named(control, 1, setup);
            try (Coordinator holder = Coordinator.connect(broker.config().build(), toldTwoSeconds);
                    Coordinator untold = Coordinator.connect(broker.config().build())) {
                DistributedLock lock = DistributedLock.named(name, holder);
                DistributedSemaphore semaphore = DistributedSemaphore.named(control, 1, untold);
                Lease[] lease = new Lease[1];
                Permit[] permit = new Permit[1];
                long heldSince;
                try (ShrunkConsumerTimeout shrunk =
                        ShrunkConsumerTimeout.to(broker, SHRUNK_MILLIS)) {
                    try {
                        lease[0] = lock.acquire(Duration.ofSeconds(10));
                        permit[0] = semaphore.acquire(Duration.ofSeconds(10));
                        heldSince = System.nanoTime();
                    } finally {
                        shrunk.restoreTimeout();
                    }
                    AtomicBoolean lostCalled = new AtomicBoolean();
                    lease[0].onLost(() -> lostCalled.set(true));

                    // the control: a hold whose coordinator believes the default 30 min is taken
                    // back
                    await().atMost(Duration.ofSeconds(8)).until(() -> !permit[0].isValid());
                    assertThat(permit[0].lostReason())
                            .as("the broker's shrunk timeout took an unrenewed hold back")
                            .hasValueSatisfying(
                                    r -> assertThat(r).contains("consumer_timeout took it back"));

                    try (JvmProcess waiter = SyncChild.launch(broker, "lock-wait", name)) {
                        waiter.awaitLine("WAITING", Duration.ofSeconds(30));
                        await().atMost(Duration.ofSeconds(10))
                                .until(
                                        () ->
                                                !lease[0].isValid()
                                                        || DistributedLockIT.consumers(
                                                                        broker,
                                                                        "warren.sync.lock." + name)
                                                                == 2);
                        assertThat(lease[0].isValid())
                                .as("the lease, renewed, outlives the broker's timeout")
                                .isTrue();
                        await().during(Duration.ofSeconds(4))
                                .atMost(Duration.ofSeconds(6))
                                .until(
                                        () ->
                                                lease[0].isValid()
                                                        && !waiter.outputText()
                                                                .contains("ACQUIRED"));
                        long heldMillis = (System.nanoTime() - heldSince) / 1_000_000;
                        System.out.printf(
                                "long lock: held %d ms across a %d ms consumer_timeout, still valid%n",
                                heldMillis, SHRUNK_MILLIS);
                        assertThat(heldMillis).isGreaterThan(3 * SHRUNK_MILLIS);
                        assertThat(lostCalled).isFalse();
                        assertThat(lock.isLocked()).isTrue();

                        lease[0].close();

                        long waiterToken =
                                Long.parseLong(
                                        waiter.awaitLine("ACQUIRED", Duration.ofSeconds(10))
                                                .split(" ")[0]);
                        assertThat(waiterToken)
                                .as("the waiter's token is above the renewed holder's")
                                .isGreaterThan(lease[0].fencingToken());
                        assertThat(lostCalled).as("a release is not a loss").isFalse();
                    }
                }
            } finally {
                created.delete();
                unrenewed.delete();
            }
        }
    }

    @Test
    void aLeaseEndsByItselfWhenItsLeaseTimeRunsOutAndTheNextHolderGetsAHigherToken(
            TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-lease-time");
        try (Coordinator first = Coordinator.connect(broker.config().build());
                Coordinator second = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, first);
            try {
                AtomicBoolean lostCalled = new AtomicBoolean();
                long start = System.nanoTime();
                Lease lease = lock.acquire(Duration.ofSeconds(5), Duration.ofMillis(1500));
                lease.onLost(() -> lostCalled.set(true));

                try (Lease next =
                        DistributedLock.named(name, second).acquire(Duration.ofSeconds(10))) {
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf(
                            "lease time 1500 ms: the next holder got it after %d ms%n", waited);
                    assertThat(waited).isBetween(1_400L, 5_000L);
                    assertThat(lease.isValid()).isFalse();
                    assertThat(lease.lostReason())
                            .hasValueSatisfying(
                                    r -> assertThat(r).contains("lease time of 1500 ms ran out"));
                    await().atMost(Duration.ofSeconds(2)).untilTrue(lostCalled);
                    assertThat(next.fencingToken()).isGreaterThan(lease.fencingToken());
                    lease.close(); // does nothing to the new holder
                    assertThat(next.isValid()).isTrue();
                }
            } finally {
                lock.delete();
            }
        }
    }

    @Test
    void aPermitLeaseTimeLongerThanTheConsumerTimeoutIsRefusedUpFrontAndTakesNothing(
            TestBroker broker) {
        String name = broker.uniqueName("it-permit-refused");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedSemaphore semaphore = DistributedSemaphore.named(name, 2, coordinator);
            try {
                assertThatThrownBy(
                                () ->
                                        semaphore.acquire(
                                                Duration.ofSeconds(5), Duration.ofMinutes(45)))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("a permit cannot be held for 2700 s")
                        .hasMessageContaining("consumer_timeout is 1800 s")
                        .hasMessageContaining("rabbitmq.conf: consumer_timeout = ")
                        .hasMessageContaining("brokerConsumerTimeout(");
                assertThat(semaphore.availablePermits()).isEqualTo(2);

                try (Permit permit =
                        semaphore.acquire(Duration.ofSeconds(5), Duration.ofMinutes(30))) {
                    assertThat(permit.isValid()).as("up to the timeout is fine").isTrue();
                }
            } finally {
                semaphore.delete();
            }
        }
    }

    @Test
    void aPermitHeldWithoutLeaseTimeIsReportedLostWhenItReachesTheConsumerTimeout(
            TestBroker broker) {
        String name = broker.uniqueName("it-permit-timeout");
        CoordinatorOptions toldTwoSeconds =
                CoordinatorOptions.custom().brokerConsumerTimeout(Duration.ofSeconds(2)).build();
        try (Coordinator coordinator =
                Coordinator.connect(broker.config().build(), toldTwoSeconds)) {
            DistributedSemaphore semaphore = DistributedSemaphore.named(name, 1, coordinator);
            try {
                AtomicBoolean lostCalled = new AtomicBoolean();
                Permit permit = semaphore.acquire(Duration.ofSeconds(5));
                permit.onLost(() -> lostCalled.set(true));

                await().atMost(Duration.ofSeconds(6)).untilTrue(lostCalled);
                assertThat(permit.isValid()).isFalse();
                assertThat(permit.lostReason())
                        .hasValueSatisfying(
                                r ->
                                        assertThat(r)
                                                .contains("2 s, the broker's consumer_timeout")
                                                .contains("rabbitmq.conf"));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> semaphore.availablePermits() == 1);
            } finally {
                semaphore.delete();
            }
        }
    }

    @Test
    void aForgedTokenMetDuringRenewalsIsDroppedAndCountedAndTheLeaseStaysValid(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-renew-forged");
        CoordinatorOptions toldTwoSeconds =
                CoordinatorOptions.custom().brokerConsumerTimeout(Duration.ofSeconds(2)).build();
        try (Coordinator coordinator =
                        Coordinator.connect(broker.config().build(), toldTwoSeconds);
                Coordinator other = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            try {
                Lease lease = lock.acquire(Duration.ofSeconds(5));
                RawMessages.publish(
                        broker,
                        "warren.sync.lock." + name,
                        new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                        "lock".getBytes(StandardCharsets.UTF_8));

                // renewed every second: the forgery is met at the first renewal after it
                await().atMost(Duration.ofSeconds(5)).until(() -> coordinator.droppedCount() == 1);
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(4))
                        .until(lease::isValid);
                assertThat(DistributedLock.named(name, other).tryAcquire()).isEmpty();

                lease.close();
                try (Lease next =
                        DistributedLock.named(name, other).acquire(Duration.ofSeconds(5))) {
                    assertThat(next.fencingToken()).isGreaterThan(lease.fencingToken());
                }
            } finally {
                lock.delete();
            }
        }
    }
}
