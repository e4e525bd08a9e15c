package dev.warren.examples.thirty;

import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.WorkerProcesses;

/**
 * Runs {@link ThirtySeconds}, the README's example, unchanged: starts two worker processes for it
 * with the keys in {@code WARREN_KEYS} and the broker address it connects to, runs it, then stops
 * the workers.
 */
public final class ThirtySecondsExample {
    private ThirtySecondsExample() {}

    public static void main(String[] args) throws Exception {
        String keys = System.getenv(SigningKeys.ENVIRONMENT_VARIABLE);
        if (keys == null || keys.isBlank()) {
            System.err.println(
                    "ThirtySeconds signs its tasks with the keys in WARREN_KEYS; set them first:\n"
                            + "  export WARREN_KEYS=$(java -jar worker-cli/target/warren-worker.jar"
                            + " keygen)");
            System.exit(2);
        }
        // ThirtySeconds connects to the default address, so its workers must too
        ExampleEnvironment environment =
                ExampleEnvironment.of(WarrenConfig.DEFAULT_BROKER_URI, keys);
        if (!environment.brokerReachable()) {
            System.exit(1);
        }
        System.out.println("Starting 2 worker processes...");
        try (WorkerProcesses workers = WorkerProcesses.start(2, "thirty-seconds", environment)) {
            ThirtySeconds.main(args);
        }
    }
}
