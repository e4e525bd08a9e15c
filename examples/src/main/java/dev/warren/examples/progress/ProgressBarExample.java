package dev.warren.examples.progress;

import dev.warren.Broker;
import dev.warren.client.MapOptions;
import dev.warren.client.TaskClient;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.WorkerProcesses;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code Pool.map} with a progress bar: starts worker processes, maps {@link CountPrimes} over many
 * inputs with {@code TaskClient.map}, and draws a {@link ProgressBar} from the map's progress
 * callback while the results come in.
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
        run(environment, workers, inputs(tasks), System.out, System.err);
    }

    /** The numbers the example counts the primes below: 200,000, 201,000, ... */
    public static List<Long> inputs(int count) {
        List<Long> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(200_000L + 1_000L * i);
        }
        return inputs;
    }

    /**
     * Runs the example, drawing the bar on {@code progress}, and returns the counts in input order.
     */
    public static List<Long> run(
            ExampleEnvironment environment,
            int workerCount,
            List<Long> inputs,
            PrintStream out,
            PrintStream progress)
            throws Exception {
        List<CountPrimes> tasks = inputs.stream().map(CountPrimes::new).toList();
        out.printf("Starting %d worker processes...%n", workerCount);
        try (WorkerProcesses workers =
                        WorkerProcesses.start(workerCount, CountPrimes.QUEUE, environment);
                Broker broker = Broker.connect(environment.config());
                TaskClient client = new TaskClient(broker)) {
            ProgressBar bar = ProgressBar.on(progress, "count-primes");
            List<Long> counts =
                    client.map(
                                    tasks,
                                    MapOptions.custom().window(50).onProgress(bar::update).build())
                            .get(10, TimeUnit.MINUTES);
            bar.finish();
            out.printf(
                    "Counted the primes below %d numbers; below %,d there are %,d%n",
                    counts.size(), inputs.get(inputs.size() - 1), counts.get(counts.size() - 1));
            return counts;
        }
    }
}
