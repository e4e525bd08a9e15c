package dev.warren.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warren.sync.AcquireTimeoutException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.Permit;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.testing.process.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WarrenTest
class DistributedSemaphoreIT {

    @Test
    void eightProcessesNeverHoldMoreThanThreePermitsAndEveryoneGetsIn(
            TestBroker broker, @TempDir Path dir) throws Exception {
        String name = broker.uniqueName("it-sem-8");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedSemaphore semaphore = DistributedSemaphore.named(name, 3, coordinator);
            List<JvmProcess> children = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    children.add(
                            SyncChild.launch(
                                    broker, "semaphore-work", name, "3", dir.toString(), "6"));
                }
                for (JvmProcess child : children) {
                    child.awaitLine("READY", Duration.ofSeconds(60));
                }
                for (JvmProcess child : children) {
                    child.closeInput();
                }
                int max = 0;
                for (JvmProcess child : children) {
                    assertThat(child.awaitExit(Duration.ofSeconds(60)))
                            .as(child.outputText())
                            .isZero();
                    max =
                            Math.max(
                                    max,
                                    Integer.parseInt(
                                            child.awaitLine("MAX", Duration.ofSeconds(1))));
                    assertThat(child.outputText()).contains("DONE");
                }
                System.out.printf(
                        "semaphore: 8 processes x 6 rounds, most concurrent holders seen: %d%n",
                        max);
                assertThat(max).isEqualTo(3);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> semaphore.availablePermits() == 3);
            } finally {
                children.forEach(JvmProcess::close);
                semaphore.delete();
            }
        }
    }

    @Test
    void theKilledHoldersPermitComesBack(TestBroker broker) throws Exception {
        String name = broker.uniqueName("it-sem-kill");
        try (Coordinator coordinator = Coordinator.connect(broker.config().build())) {
            DistributedSemaphore semaphore = DistributedSemaphore.named(name, 3, coordinator);
            try (JvmProcess holder = SyncChild.launch(broker, "semaphore-hold", name, "3");
                    Permit one = semaphore.acquire(Duration.ofSeconds(5));
                    Permit two = semaphore.acquire(Duration.ofSeconds(5))) {
                holder.awaitLine("HOLDING", Duration.ofSeconds(30));
                assertThat(semaphore.tryAcquire()).isEmpty();
                Assertions.assertThatThrownBy(() -> semaphore.acquire(Duration.ofMillis(100)))
                        .isInstanceOf(AcquireTimeoutException.class);
                holder.kill();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> semaphore.availablePermits() == 1);
                try (Permit three = semaphore.acquire(Duration.ofSeconds(1))) {
                    assertThat(three.isValid()).isTrue();
                }
            } finally {
                semaphore.delete();
            }
        }
    }

    @Test
    void processesCreatingTheSameSemaphoreAtOnceMakeExactlyNPermits(TestBroker broker)
            throws Exception {
        String name = broker.uniqueName("it-sem-init");
        List<Coordinator> coordinators = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                coordinators.add(Coordinator.connect(broker.config().build()));
            }
            List<CompletableFuture<DistributedSemaphore>> created = new ArrayList<>();
            for (Coordinator c : coordinators) {
                created.add(
                        CompletableFuture.supplyAsync(
                                () -> DistributedSemaphore.named(name, 3, c)));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get();
            assertThat(DistributedLockIT.messages(broker, "warren.sync.semaphore." + name))
                    .isEqualTo(3);
            created.get(0).get().delete();
        } finally {
            coordinators.forEach(Coordinator::close);
        }
    }
}
