package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.SharedMap;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Two coordinators (as if two processes) count into one {@link SharedMap} with {@code compute}; the
 * total is exact although both write the same key at the same time.
 */
public final class SharedMapExample {
    private SharedMapExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /** Runs the example; true when the second saw the first's write and no increment was lost. */
    public static boolean run(WarrenConfig config, PrintStream out) {
        String name = "example-map-" + UUID.randomUUID().toString().substring(0, 8);
        try (Coordinator one = Coordinator.connect(config);
                Coordinator two = Coordinator.connect(config);
                SharedMap<String, Integer> first =
                        SharedMap.named(name, String.class, Integer.class, one);
                SharedMap<String, Integer> second =
                        SharedMap.named(name, String.class, Integer.class, two)) {
            try {
                first.put("limit", 100);
                int limitSeen = second.get("limit").orElse(-1);
                out.printf("second sees limit = %d%n", limitSeen);
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> count(first, 50));
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> count(second, 50));
                a.join();
                b.join();
                int total = first.get("hits").orElse(0);
                out.printf("2 x 50 concurrent increments: hits = %d%n", total);
                out.printf(
                        "the whole map: %s (owned by the first: %b)%n",
                        second.snapshot(), first.isOwner());
                return limitSeen == 100 && total == 100;
            } finally {
                first.delete();
            }
        }
    }

    private static void count(SharedMap<String, Integer> map, int times) {
        for (int i = 0; i < times; i++) {
            map.compute("hits", v -> v == null ? 1 : v + 1);
        }
    }
}
