package dev.warren.examples.sync;

import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.sync.Coordinator;
import dev.warren.sync.DistributedQueue;
import dev.warren.sync.QueueOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two producers put 20 jobs into a {@link DistributedQueue} bounded to 4; three consumers take them
 * and mark each done; {@code join()} returns once all 20 are done, each taken once.
 */
public final class QueueExample {
    private static final int JOBS_EACH = 10;

    /** A job; a record travels without registration. */
    public record Job(String producer, int number) {}

    private QueueExample() {}

    public static void main(String[] args) throws Exception {
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        System.exit(environment.brokerReachable() && run(environment.config(), System.out) ? 0 : 1);
    }

    /**
     * Runs the example; true when join returned with every job taken exactly once and nothing left
     * unfinished.
     */
    public static boolean run(WarrenConfig config, PrintStream out) throws InterruptedException {
        String name = "example-queue-" + UUID.randomUUID().toString().substring(0, 8);
        Set<Job> taken = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        int duplicates = 0;
        boolean joined;
        long unfinished;
        try (Coordinator coordinator = Coordinator.connect(config)) {
            DistributedQueue<Job> jobs =
                    coordinator.queue(name, Job.class, QueueOptions.bounded(4));
            try {
                List<Thread> producers = new ArrayList<>();
                for (String producer : List.of("alice", "bob")) {
                    producers.add(start(() -> produce(jobs, producer)));
                }
                List<Thread> threads = new ArrayList<>();
                List<int[]> duplicatesSeen = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    int[] seen = new int[1];
                    duplicatesSeen.add(seen);
                    String consumer = "consumer " + i;
                    threads.add(start(() -> consume(jobs, consumer, stop, taken, seen, out)));
                }
                long start = System.nanoTime();
                for (Thread producer : producers) {
                    producer.join(); // every job is put: at most 4 are still unfinished
                }
                joined = jobs.join(Duration.ofSeconds(60));
                out.printf(
                        "join() returned %s, %d ms after the producers started%n",
                        joined, (System.nanoTime() - start) / 1_000_000);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                for (int[] seen : duplicatesSeen) {
                    duplicates += seen[0];
                }
                unfinished = jobs.unfinishedCount();
                out.printf(
                        "%d of %d jobs taken, %d twice; %d unfinished%n",
                        taken.size(), 2 * JOBS_EACH, duplicates, unfinished);
            } finally {
                jobs.delete();
            }
        }
        return joined && taken.size() == 2 * JOBS_EACH && duplicates == 0 && unfinished == 0;
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void produce(DistributedQueue<Job> jobs, String producer) {
        for (int i = 1; i <= JOBS_EACH; i++) {
            jobs.put(new Job(producer, i)); // waits while 4 jobs are unfinished
        }
    }

    private static void consume(
            DistributedQueue<Job> jobs,
            String consumer,
            AtomicBoolean stop,
            Set<Job> taken,
            int[] dup,
            PrintStream out) {
        while (!stop.get()) {
            Optional<Job> job = jobs.poll(Duration.ofMillis(200));
            if (job.isEmpty()) {
                continue;
            }
            if (!taken.add(job.get())) {
                dup[0]++;
            }
            out.printf("%s took %s-%d%n", consumer, job.get().producer(), job.get().number());
            jobs.taskDone();
        }
    }
}
