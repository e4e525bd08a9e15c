package dev.warren.examples;

import dev.warren.examples.primes.SumOfPrimesExample;
import dev.warren.examples.progress.ProgressBarExample;
import dev.warren.examples.sync.BarrierExample;
import dev.warren.examples.sync.EventChannelExample;
import dev.warren.examples.sync.EventExample;
import dev.warren.examples.sync.LockExample;
import dev.warren.examples.sync.MapListenerExample;
import dev.warren.examples.sync.QueueExample;
import dev.warren.examples.sync.ReentrantLockExample;
import dev.warren.examples.sync.SemaphoreExample;
import dev.warren.examples.sync.SharedMapExample;
import dev.warren.examples.thirty.ThirtySecondsExample;
import java.util.Arrays;

/** Entry point of the examples jar: {@code java -jar warren-examples.jar <example> [args]}. */
public final class Examples {
    private Examples() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "sum-of-primes" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "sum-of-primes" -> SumOfPrimesExample.main(rest);
            case "thirty-seconds" -> ThirtySecondsExample.main(rest);
            case "progress-bar" -> ProgressBarExample.main(rest);
            case "lock" -> LockExample.main(rest);
            case "semaphore" -> SemaphoreExample.main(rest);
            case "event" -> EventExample.main(rest);
            case "event-channel" -> EventChannelExample.main(rest);
            case "shared-map" -> SharedMapExample.main(rest);
            case "queue" -> QueueExample.main(rest);
            case "reentrant-lock" -> ReentrantLockExample.main(rest);
            case "map-listener" -> MapListenerExample.main(rest);
            case "barrier" -> BarrierExample.main(rest);
            default -> {
                System.err.println(
                        "unknown example '"
                                + name
                                + "'; try: sum-of-primes [workers] [--ship-code], thirty-seconds, progress-bar"
                                + " [workers] [tasks], lock, semaphore, event, event-channel,"
                                + " shared-map, queue, reentrant-lock, map-listener, barrier");
                System.exit(2);
            }
        }
    }
}
