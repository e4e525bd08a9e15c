package dev.warren.examples.progress;

import dev.warren.Broker;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.WorkerProcesses;
import dev.warren.examples.primes.SumPrimes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code Pool.map} with a progress bar: starts worker processes, maps {@link SumPrimes} over many
 * inputs with {@code TaskClient.map}, and draws a {@link ProgressBar} on stderr from the map's
 * progress callback while the results come in.
 */
public final class ProgressBarExample {
    private ProgressBarExample() {}

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ExampleEnvironment environment = ExampleEnvironment.fromEnvironment();
        if (!environment.brokerReachable()) {
            System.exit(1);
        }
        run(environment, workers, tasks);
    }

    /** Runs the example and returns the sums, in input order. */
    public static List<Long> run(ExampleEnvironment environment, int workerCount, int taskCount)
            throws Exception {
        List<SumPrimes> inputs = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) {
            inputs.add(new SumPrimes(200_000L + 1_000L * i));
        }
        System.out.printf("Starting %d worker processes...%n", workerCount);
        try (WorkerProcesses workers = WorkerProcesses.start(workerCount, "primes", environment);
                Broker broker = Broker.connect(environment.config());
                TaskClient client = new TaskClient(broker)) {
            ProgressBar bar = ProgressBar.on(System.err, "sum-of-primes");
            List<Long> sums =
                    client.map(
                                    inputs,
                                    MapOptions.custom().window(50).onProgress(bar::update).build())
                            .get(10, TimeUnit.MINUTES);
            bar.finish();
            System.out.printf(
                    "Summed the primes below %d numbers; the last sum is %,d%n",
                    sums.size(), sums.get(sums.size() - 1));
            return sums;
        }
    }
}
