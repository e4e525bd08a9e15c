package dev.warren.examples.primes;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.WorkerProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel Python's sum-of-primes example on Warren: starts worker processes, sends one {@link
 * SumPrimes} task per input to them, prints each result, then does the same work sequentially in
 * this process and prints both times.
 */
public final class SumOfPrimesExample {
    private SumOfPrimesExample() {}

    /**
     * Inputs as in Parallel Python's example, scaled so each task takes a noticeable fraction of a
     * second.
     */
    public static final List<Long> INPUTS =
            List.of(
                    4_000_000L,
                    4_100_000L,
                    4_200_000L,
                    4_300_000L,
                    4_400_000L,
                    4_500_000L,
                    4_600_000L,
                    4_700_000L);

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        if (!environment.brokerReachable()) {
            System.exit(1);
        }
        run(environment, workers, INPUTS);
    }

    /** Runs the example and returns the sums, in input order. */
    public static List<Long> run(ExampleEnvironment environment, int workerCount, List<Long> inputs)
            throws Exception {
        List<Long> sums = new ArrayList<>();
        System.out.printf("Starting %d worker processes...%n", workerCount);
        try (WorkerProcesses workers = WorkerProcesses.start(workerCount, "primes", environment);
                Broker broker = Broker.connect(environment.config());
                TaskClient client = new TaskClient(broker)) {
            long start = System.nanoTime();
            List<TaskHandle<Long>> handles = new ArrayList<>();
            for (long n : inputs) {
                handles.add(client.submit(new SumPrimes(n)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                long sum = handles.get(i).await(Duration.ofMinutes(5));
                sums.add(sum);
                System.out.printf("Sum of primes below %,d is %,d%n", inputs.get(i), sum);
            }
            Duration parallel = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            for (long n : inputs) {
                SumPrimes.sumBelow(n);
            }
            Duration sequential = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf(
                    "Time on %d worker processes: %.2f s%n",
                    workerCount, parallel.toMillis() / 1000.0);
            System.out.printf(
                    "Time sequentially in this process: %.2f s%n", sequential.toMillis() / 1000.0);
            System.out.printf(
                    "Speed-up: %.2fx%n", (double) sequential.toNanos() / parallel.toNanos());
        }
        return sums;
    }
}
