package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedSemaphore;
import dev.warren.sync.Permit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Five workers share a {@link DistributedSemaphore} of 2 permits: never more than 2 work at once.
 */
public final class SemaphoreExample {
    private SemaphoreExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /**
     * Runs the example; true when every worker got a permit, never more than 2 at once, and both
     * permits were free again at the end.
     */
    public static boolean run(WarrenConfig config, PrintStream out) throws InterruptedException {
        String name = "example-semaphore-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        int freeAtTheEnd;
        try (Coordinator coordinator = Coordinator.connect(config)) {
            DistributedSemaphore semaphore = DistributedSemaphore.named(name, 2, coordinator);
            try {
                List<Thread> workers = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    String worker = "worker " + i;
                    Thread thread =
                            new Thread(
                                    () -> {
                                        try (Permit permit =
                                                semaphore.acquire(Duration.ofSeconds(30))) {
                                            int now = inside.incrementAndGet();
                                            most.accumulateAndGet(now, Math::max);
                                            out.printf(
                                                    "%s got a permit (%d inside)%n", worker, now);
                                            Thread.sleep(100); // the work the permit guards
                                            inside.decrementAndGet();
                                            served.incrementAndGet();
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                    });
                    workers.add(thread);
                    thread.start();
                }
                for (Thread thread : workers) {
                    thread.join();
                }
                freeAtTheEnd = semaphore.availablePermits();
                out.printf(
                        "%d of 5 workers got a permit; at most %d were inside at once; %d permits"
                                + " free again%n",
                        served.get(), most.get(), freeAtTheEnd);
            } finally {
                semaphore.delete();
            }
        }
        return served.get() == 5 && most.get() <= 2 && freeAtTheEnd == 2;
    }
}
