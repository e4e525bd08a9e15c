package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Three waiters block on a {@link DistributedEvent} until one {@code set()} wakes them all. */
public final class EventExample {
    private EventExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /**
     * Runs the example; true when every waiter woke, a late waiter returned at once, and after
     * {@code clear()} the event was unset and a waiter timed out.
     */
    public static boolean run(WarrenConfig config, PrintStream out) {
        String name = "example-event-" + UUID.randomUUID().toString().substring(0, 8);
        try (Coordinator coordinator = Coordinator.connect(config)) {
            DistributedEvent ready = DistributedEvent.named(name, coordinator);
            try {
                List<CompletableFuture<Boolean>> waiters = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    int id = i;
                    waiters.add(
                            CompletableFuture.supplyAsync(
                                    () -> {
                                        boolean woke = ready.await(Duration.ofSeconds(10));
                                        out.printf("waiter %d woke: event is set = %b%n", id, woke);
                                        return woke;
                                    }));
                }
                out.println("setting the event");
                ready.set();
                boolean allWoke = waiters.stream().allMatch(CompletableFuture::join);
                boolean lateReturnsAtOnce = ready.await(Duration.ofMillis(100));
                out.printf("a late waiter returns at once: %b%n", lateReturnsAtOnce);
                ready.clear();
                boolean setAfterClear = ready.isSet();
                boolean timesOutAfterClear = !ready.await(Duration.ofMillis(200));
                out.printf(
                        "after clear(): isSet = %b, a waiter times out: %b%n",
                        setAfterClear, timesOutAfterClear);
                return allWoke && lateReturnsAtOnce && !setAfterClear && timesOutAfterClear;
            } finally {
                ready.delete();
            }
        }
    }
}
