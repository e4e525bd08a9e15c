package dev.warren.examples.primes;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.WorkerProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

    /** The queue of {@link SumPrimes}. */
    public static final String QUEUE = "primes";

    /** The flag that starts the workers from the worker jar alone and ships them the code. */
    public static final String SHIP_CODE = "--ship-code";

    /** {@code sum-of-primes [workers] [--ship-code]}. */
    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean shipCode = arguments.remove(SHIP_CODE);
        int workers = arguments.isEmpty() ? 2 : workerCount(arguments);
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        if (!environment.brokerReachable()) {
            System.exit(1);
        }
        run(environment, workers, INPUTS, shipCode, QUEUE);
    }

    private static int workerCount(List<String> arguments) {
        try {
            if (arguments.size() == 1) {
                return Integer.parseInt(arguments.get(0));
            }
        } catch (NumberFormatException e) {
            // falls through to the usage sentence
        }
        System.err.println(
                "sum-of-primes takes a number of workers and "
                        + SHIP_CODE
                        + ", not "
                        + arguments
                        + "; for example: sum-of-primes 2 "
                        + SHIP_CODE);
        System.exit(2);
        return 0;
    }

    /** Runs the example and returns the sums, in input order. */
    public static List<Long> run(ExampleEnvironment environment, int workerCount, List<Long> inputs)
            throws Exception {
        return run(environment, workerCount, inputs, false, QUEUE);
    }

    /**
     * Runs the example on {@code queue} and returns the sums, in input order. With {@code shipCode}
     * the workers start from the worker jar alone ({@code --accept-code}, an empty bundle cache of
     * their own) and this process ships them the code of {@link SumPrimes}.
     */
    public static List<Long> run(
            ExampleEnvironment environment,
            int workerCount,
            List<Long> inputs,
            boolean shipCode,
            String queue)
            throws Exception {
        if (!shipCode) {
            return run(
                    environment.config(),
                    () -> WorkerProcesses.start(workerCount, queue, environment),
                    workerCount,
                    inputs,
                    queue);
        }
        Path cache = Files.createTempDirectory("warren-example-bundles");
        try {
            System.out.println("Workers start from the worker jar alone; the code is shipped.");
            return run(
                    environment.shippingCodeConfig(),
                    () ->
                            WorkerProcesses.startAcceptingCode(
                                    workerCount, queue, environment, cache),
                    workerCount,
                    inputs,
                    queue);
        } finally {
            deleteTree(cache);
        }
    }

    private interface Starter {
        WorkerProcesses start() throws Exception;
    }

    private static List<Long> run(
            WarrenConfig config, Starter starter, int workerCount, List<Long> inputs, String queue)
            throws Exception {
        List<Long> sums = new ArrayList<>();
        System.out.printf("Starting %d worker processes...%n", workerCount);
        SubmitOptions onQueue = SubmitOptions.onQueue(queue);
        try (WorkerProcesses workers = starter.start();
                Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            long start = System.nanoTime();
            List<TaskHandle<Long>> handles = new ArrayList<>();
            for (long n : inputs) {
                handles.add(client.submit(new SumPrimes(n), onQueue));
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
