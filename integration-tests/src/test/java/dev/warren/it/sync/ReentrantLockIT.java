package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.AcquireTimeoutException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import dev.warren.sync.LockOptions;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A reentrant lock belongs to the thread that acquired it, within its coordinator. */
@WarrenTest
class ReentrantLockIT {

    @Test
    void theOwningThreadAcquiresAgainWhileAnotherThreadAndAnotherProcessWaitUntilTheLastRelease(
            TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-reentrant");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedLock lock =
                    DistributedLock.named(name, coordinator, LockOptions.reentrant());
            // another instance of the same name from the same coordinator is the same lock here
            DistributedLock sameLock =
                    DistributedLock.named(name, coordinator, LockOptions.reentrant());
            try (JvmProcess otherProcess = SyncChild.launch(broker, "lock-wait", name)) {
                Lease outer = lock.acquire(Duration.ofSeconds(5));
                otherProcess.awaitLine("WAITING", Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () ->
                                        DistributedLockIT.consumers(
                                                        broker, "warren.sync.lock." + name)
                                                == 2);

                long start = System.nanoTime();
                Lease inner = sameLock.acquire(Duration.ofSeconds(5));
                long reentryMicros = (System.nanoTime() - start) / 1_000;
                System.out.printf("reentrant lock: a nested acquire took %d us%n", reentryMicros);
                assertThat(inner.fencingToken()).isEqualTo(outer.fencingToken());
                assertThat(lock.holdCount()).isEqualTo(2);
                assertThat(lock.tryAcquire())
                        .as("the owner's try joins its hold")
                        .isPresent()
                        .get()
                        .satisfies(Lease::close);
                assertThat(lock.holdCount()).isEqualTo(2);

                CompletableFuture<Integer> otherThreadCount =
                        CompletableFuture.supplyAsync(lock::holdCount);
                assertThat(otherThreadCount.get()).as("another thread holds nothing").isZero();
                CompletableFuture<Void> otherThreadAcquire =
                        CompletableFuture.runAsync(
                                () -> lock.acquire(Duration.ofMillis(700)).close());
                assertThatThrownBy(otherThreadAcquire::join)
                        .isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(AcquireTimeoutException.class);
                CompletableFuture<Void> otherThreadRelease =
                        CompletableFuture.runAsync(outer::close);
                assertThatThrownBy(otherThreadRelease::join)
                        .hasCauseInstanceOf(IllegalMonitorStateException.class)
                        .hasMessageContaining("only the thread that acquired a reentrant lock");

                inner.close();
                assertThat(lock.holdCount()).isEqualTo(1);
                assertThat(outer.isValid()).as("one lease is still open").isTrue();
                assertThat(inner.isValid()).isFalse();
                assertThat(otherProcess.outputText()).doesNotContain("ACQUIRED");

                outer.close();

                long otherToken =
                        Long.parseLong(
                                otherProcess.awaitLine("ACQUIRED", Duration.ofSeconds(10))
                                        .split(" ")[0]);
                assertThat(otherToken).isGreaterThan(outer.fencingToken());
                assertThat(lock.holdCount()).isZero();
                assertThat(outer.isValid()).isFalse();
                outer.close(); // a second close does nothing
            } finally {
                lock.delete();
            }
        }
    }

    @Test
    void aPlainLockCountsNoHoldsAndSaysHowToMakeItReentrant(TestBroker broker) {
        String name = broker.uniqueName("it-plain-count");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedLock lock = DistributedLock.named(name, coordinator);
            try {
                assertThatThrownBy(lock::holdCount)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("LockOptions.reentrant()");
            } finally {
                lock.delete();
            }
        }
    }
}
