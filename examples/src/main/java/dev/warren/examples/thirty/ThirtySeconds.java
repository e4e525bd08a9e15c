package dev.warren.examples.thirty;

// readme:begin: README.md shows this file from here to readme:end (ReadmeExampleTest)
import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.TaskId;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import java.time.Duration;
import java.util.List;

/** A producer: one task it waits for, one it only queues, and a map over two more. */
public final class ThirtySeconds {
    private ThirtySeconds() {}

    public static void main(String[] args) {
        WarrenConfig config =
                WarrenConfig.custom()
                        .brokerUri("amqp://guest:guest@localhost:5672")
                        .signingKeys(SigningKeys.fromEnvironment()) // WARREN_KEYS=k1=base64secret
                        .build();

        try (Broker broker = Broker.connect(config);
                TaskClient client = new TaskClient(broker)) {
            long sum = client.submit(new SumPrimes(1_000_000)).await(Duration.ofMinutes(1));
            TaskId queued = client.enqueue(new SumPrimes(2_000_000)); // no reply wanted
            List<Long> sums = client.map(List.of(new SumPrimes(10), new SumPrimes(100))).join();

            System.out.println("sum of the primes below 1,000,000: " + sum);
            System.out.println("queued without waiting: task " + queued);
            System.out.println("below 10 and below 100: " + sums);
        }
    }
}
// readme:end
