package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.BrokenBarrierException;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedBarrier;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Three workers, each with a coordinator of its own (as three processes would have), meet at a
 * {@link DistributedBarrier} after each of three rounds; then a lone worker's timeout breaks it.
 */
public final class BarrierExample {
    private static final int WORKERS = 3;
    private static final int ROUNDS = 3;

    private BarrierExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /**
     * Runs the example; true when every round tripped with indexes 0, 1 and 2, and a lone wait
     * broke the barrier with a sentence saying so.
     */
    public static boolean run(WarrenConfig config, PrintStream out) {
        String name = "example-barrier-" + UUID.randomUUID().toString().substring(0, 8);
        List<Coordinator> coordinators = new ArrayList<>();
        try {
            for (int i = 0; i < WORKERS; i++) {
                coordinators.add(Coordinator.connect(config));
            }
            Set<String> indexes = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                DistributedBarrier barrier = coordinators.get(w).barrier(name, WORKERS);
                int worker = w + 1;
                workers.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    for (int round = 1; round <= ROUNDS; round++) {
                                        int index = barrier.await(Duration.ofSeconds(30));
                                        indexes.add(round + ":" + index);
                                        if (index == 0) {
                                            out.printf("round %d: all 3 arrived%n", round);
                                        }
                                    }
                                    out.printf("worker %d passed %d rounds%n", worker, ROUNDS);
                                }));
            }
            workers.forEach(CompletableFuture::join);
            Set<Integer> perRound = new TreeSet<>();
            indexes.forEach(i -> perRound.add(Integer.parseInt(i.split(":")[1])));
            boolean allTripped = indexes.size() == WORKERS * ROUNDS && perRound.size() == WORKERS;
            out.printf("%d passes, indexes %s in every round%n", indexes.size(), perRound);

            DistributedBarrier alone = coordinators.get(0).barrier(name, WORKERS);
            boolean broke;
            try {
                alone.await(Duration.ofMillis(500));
                broke = false;
            } catch (BrokenBarrierException e) {
                out.println("a lone worker: " + e.getMessage());
                broke = alone.isBroken();
            }
            alone.reset();
            boolean brokenAfterReset = alone.isBroken();
            out.printf("after reset(): broken = %b%n", brokenAfterReset);
            alone.delete();
            return allTripped && broke && !brokenAfterReset;
        } finally {
            coordinators.forEach(Coordinator::close);
        }
    }
}
