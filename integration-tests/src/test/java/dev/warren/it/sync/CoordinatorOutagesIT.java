package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.WarrenConfig;
import dev.warren.it.support.LeaseCut;
import dev.warren.it.support.SilentNetwork;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.EventChannel;
import dev.warren.sync.Lease;
import dev.warren.sync.SharedMap;
import dev.warren.testing.TcpProxy;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outages a coordinator meets besides a forced close: a network that goes silent (noticed only
 * by heartbeats) and a broker restart. Prints how long detection and recovery took.
 */
@WarrenTest
class CoordinatorOutagesIT {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Test
    void aSilentNetworkLosesTheLeaseByHeartbeatAndTheCoordinatorComesBackWhenItHeals(
            TestBroker test) throws Exception {
        String lockName = test.uniqueName("outage-lock");
        try (TcpProxy proxy = TcpProxy.to(test.uri());
                Coordinator cut =
                        Coordinator.connect(
                                test.config().brokerUri(proxy.uri(test.uri())).build(), HEARTBEAT);
                Coordinator direct = Coordinator.connect(test.config().build(), HEARTBEAT)) {
            DistributedLock lock = DistributedLock.named(lockName, cut);
            DistributedLock othersLock = DistributedLock.named(lockName, direct);
            try {
                SilentNetwork network = new SilentNetwork(List.of(proxy));
                LeaseCut cutOff = LeaseCut.of(lock, othersLock, Duration.ofSeconds(10), network);
                Lease held = cutOff.held();
                Lease taken = cutOff.taken();

                long healedAt = System.nanoTime();
                network.heal();
                await().atMost(Duration.ofSeconds(30)).until(() -> cut.reconnectCount() == 1);
                await().atMost(Duration.ofSeconds(30)).until(cut::isOpen);
                long backAt = System.nanoTime();
                System.out.printf(
                        "silent network, %d s heartbeat: holder told after %d ms, lock granted"
                                + " to the waiter after %d ms, coordinator back %d ms after the"
                                + " network healed%n",
                        HEARTBEAT.toSeconds(),
                        cutOff.toldAfterMillis(),
                        cutOff.grantedAfterMillis(),
                        TimeUnit.NANOSECONDS.toMillis(backAt - healedAt));

                assertThat(held.isValid()).isFalse();
                assertThat(taken.fencingToken()).isGreaterThan(held.fencingToken());
                assertThat(lock.tryAcquire()).isEmpty();
                taken.close();
                try (Lease again = lock.acquire(Duration.ofSeconds(10))) {
                    assertThat(again.fencingToken()).isGreaterThan(taken.fencingToken());
                }
            } finally {
                othersLock.delete();
            }
        }
    }

    @Test
    void afterABrokerRestartEveryPrimitiveWorksAgainWithoutBeingRebuilt(TestBroker test)
            throws Exception {
        String lockName = test.uniqueName("restart-lock");
        WarrenConfig config = test.config().build();
        try (Coordinator coordinator = Coordinator.connect(config, HEARTBEAT);
                SharedMap<String, Integer> map =
                        SharedMap.named(
                                test.uniqueName("restart-map"),
                                String.class,
                                Integer.class,
                                coordinator)) {
            DistributedLock lock = DistributedLock.named(lockName, coordinator);
            EventChannel<String> events =
                    EventChannel.named(
                            test.uniqueName("restart-events"), String.class, coordinator);
            List<String> received = new CopyOnWriteArrayList<>();
            try (EventChannel.Subscription subscription = events.subscribe(received::add)) {
                map.put("kept", 41);
                Lease held = lock.acquire(Duration.ofSeconds(10));

                long stoppedAt = System.nanoTime();
                try {
                    test.rabbitmqctl("stop_app");
                } finally {
                    test.rabbitmqctl("start_app");
                    test.rabbitmqctl("await_startup");
                }
                long startedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(coordinator::isOpen);
                long backAt = System.nanoTime();
                System.out.printf(
                        "broker restart: stop_app to start_app done %d ms; coordinator back %d ms"
                                + " after start_app finished%n",
                        TimeUnit.NANOSECONDS.toMillis(startedAt - stoppedAt),
                        TimeUnit.NANOSECONDS.toMillis(backAt - startedAt));

                assertThat(held.isValid()).isFalse();
                try (Lease again = lock.acquire(Duration.ofSeconds(30))) {
                    assertThat(again.fencingToken()).isGreaterThan(held.fencingToken());
                }
                assertThat(map.compute("kept", v -> v + 1)).isEqualTo(42);
                await().atMost(Duration.ofSeconds(30)).until(subscription::isActive);
                events.publish("after the restart");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received.contains("after the restart"));
                assertThat(subscription.gapCount()).isEqualTo(1);
            } finally {
                map.delete();
                lock.delete();
                events.delete();
            }
        }
    }
}
