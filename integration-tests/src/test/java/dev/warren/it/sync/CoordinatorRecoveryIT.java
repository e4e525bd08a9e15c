package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.WarrenConfig;
import dev.warren.it.support.ForcedClose;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedEvent;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.EventChannel;
import dev.warren.sync.Lease;
import dev.warren.sync.Permit;
import dev.warren.sync.SharedMap;
import dev.warren.sync.SubscriptionGap;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A coordinator whose connection the broker closes (as {@code rabbitmqctl close_connection} or a
 * node's death does) connects again by itself: what it held at the loss is reported lost and given
 * to others, and every primitive made from it works again without being rebuilt.
 */
@WarrenTest
class CoordinatorRecoveryIT {
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(20);

    private static Coordinator connect(TestBroker test, String name) {
        WarrenConfig config = test.config().connectionName(name).build();
        return Coordinator.connect(config);
    }

    private static void forceClose(TestBroker test, String name, Coordinator coordinator)
            throws Exception {
        long before = coordinator.reconnectCount();
        assertThat(ForcedClose.connectionsNamed(test, name + "/sync@")).isEqualTo(1);
        await().atMost(RECOVERED_WITHIN).until(() -> coordinator.reconnectCount() > before);
        await().atMost(RECOVERED_WITHIN).until(coordinator::isOpen);
    }

    @Test
    void aLeaseHeldAtTheLossIsLostGivenToTheWaiterAndTheLockWorksAgainWithHigherTokens(
            TestBroker test) throws Exception {
        String holderName = test.uniqueName("recovery-holder");
        String lockName = test.uniqueName("recovery-lock");
        try (Coordinator holder = connect(test, holderName);
                Coordinator other = connect(test, test.uniqueName("recovery-other"))) {
            DistributedLock lock = DistributedLock.named(lockName, holder);
            DistributedLock othersLock = DistributedLock.named(lockName, other);
            try {
                Lease first = lock.acquire(Duration.ofSeconds(10));
                AtomicBoolean told = new AtomicBoolean();
                first.onLost(() -> told.set(true));

                forceClose(test, holderName, holder);

                await().atMost(RECOVERED_WITHIN).untilTrue(told);
                assertThat(first.isValid()).isFalse();
                try (Lease second = othersLock.acquire(Duration.ofSeconds(20))) {
                    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
                    assertThat(lock.tryAcquire())
                            .as("the lock the other process holds is not granted again here")
                            .isEmpty();
                    first.close(); // a lost lease's close does nothing to the current holder
                    assertThat(second.isValid()).isTrue();
                    assertThat(lock.isLocked()).isTrue();
                    try (Lease afterRelease = waitBehind(lock, second)) {
                        assertThat(afterRelease.fencingToken())
                                .isGreaterThan(second.fencingToken());
                    }
                }
            } finally {
                othersLock.delete();
            }
        }
    }

    /** Acquires {@code lock} on another thread, then releases {@code held} so it is granted. */
    private static Lease waitBehind(DistributedLock lock, Lease held) throws Exception {
        java.util.concurrent.CompletableFuture<Lease> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> lock.acquire(Duration.ofSeconds(20)));
        Thread.sleep(200);
        held.close();
        return waiting.get(25, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void permitsHeldAtTheLossComeBackAndTheSemaphoreWorksAgain(TestBroker test) throws Exception {
        String holderName = test.uniqueName("recovery-permits");
        try (Coordinator holder = connect(test, holderName)) {
            DistributedSemaphore semaphore =
                    DistributedSemaphore.named(test.uniqueName("recovery-sem"), 2, holder);
            try {
                Permit held = semaphore.acquire(Duration.ofSeconds(10));
                assertThat(semaphore.availablePermits()).isEqualTo(1);

                forceClose(test, holderName, holder);

                assertThat(held.isValid()).isFalse();
                await().atMost(RECOVERED_WITHIN).until(() -> semaphore.availablePermits() == 2);
                try (Permit a = semaphore.acquire(Duration.ofSeconds(10));
                        Permit b = semaphore.acquire(Duration.ofSeconds(10))) {
                    assertThat(semaphore.tryAcquire()).isEmpty();
                }
            } finally {
                semaphore.delete();
            }
        }
    }

    @Test
    void aSharedMapGetsAnOwnerAgainWithItsStateIntact(TestBroker test) throws Exception {
        String ownerName = test.uniqueName("recovery-map-owner");
        String mapName = test.uniqueName("recovery-map");
        try (Coordinator owner = connect(test, ownerName);
                SharedMap<String, Integer> map =
                        SharedMap.named(mapName, String.class, Integer.class, owner)) {
            try {
                for (int i = 0; i < 5; i++) {
                    map.compute("count", v -> v == null ? 1 : v + 1);
                }
                assertThat(map.isOwner()).isTrue();

                forceClose(test, ownerName, owner);

                assertThat(map.compute("count", v -> v + 1)).isEqualTo(6);
                assertThat(map.get("count")).contains(6);
                await().atMost(RECOVERED_WITHIN).until(map::isOwner);
            } finally {
                map.delete();
            }
        }
    }

    @Test
    void aSubscriptionResumesAndReportsTheGap(TestBroker test) throws Exception {
        String subscriberName = test.uniqueName("recovery-subscriber");
        String channelName = test.uniqueName("recovery-events");
        try (Coordinator subscriber = connect(test, subscriberName);
                Coordinator publisher = connect(test, test.uniqueName("recovery-publisher"))) {
            EventChannel<String> events = EventChannel.named(channelName, String.class, subscriber);
            EventChannel<String> publishing =
                    EventChannel.named(channelName, String.class, publisher);
            List<String> received = new CopyOnWriteArrayList<>();
            List<SubscriptionGap> gaps = new CopyOnWriteArrayList<>();
            try (EventChannel.Subscription subscription = events.subscribe(received::add)) {
                subscription.onGap(gaps::add);
                publishing.publish("before");
                await().atMost(RECOVERED_WITHIN).until(() -> received.contains("before"));

                forceClose(test, subscriberName, subscriber);

                await().atMost(RECOVERED_WITHIN).until(subscription::isActive);
                publishing.publish("after");
                await().atMost(RECOVERED_WITHIN).until(() -> received.contains("after"));
                assertThat(subscription.gapCount()).isEqualTo(1);
                await().atMost(RECOVERED_WITHIN).until(() -> gaps.size() == 1);
                assertThat(gaps.get(0).resumed()).isAfterOrEqualTo(gaps.get(0).lost());
            } finally {
                publishing.delete();
            }
        }
    }

    @Test
    void aWaiterCutByTheLossGoesOnWaitingAndWakesOnASetAfterIt(TestBroker test) throws Exception {
        String name = test.uniqueName("recovery-flag-waiter");
        String eventName = test.uniqueName("recovery-flag");
        try (Coordinator waiting = connect(test, name);
                Coordinator setting = connect(test, test.uniqueName("recovery-flag-setter"))) {
            DistributedEvent event = DistributedEvent.named(eventName, waiting);
            DistributedEvent setter = DistributedEvent.named(eventName, setting);
            try {
                java.util.concurrent.CompletableFuture<Boolean> awaited =
                        java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> event.await(Duration.ofSeconds(60)));
                Thread.sleep(300);

                forceClose(test, name, waiting);
                Thread.sleep(300);
                setter.set();

                assertThat(awaited.get(20, java.util.concurrent.TimeUnit.SECONDS))
                        .as("woken by the set after the reconnect, long before its timeout")
                        .isTrue();
                event.clear();
                assertThat(event.isSet()).isFalse();
            } finally {
                event.delete();
            }
        }
    }
}
