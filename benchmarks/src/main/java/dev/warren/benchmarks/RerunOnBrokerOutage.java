package dev.warren.benchmarks;

import dev.warren.Broker;
import java.util.concurrent.TimeUnit;

/**
 * Runs a measurement again (twice at most) when it failed, typically because the broker connection
 * was lost during it: other people's failure tests share this broker, and a run that saw a
 * reconnect measures that, not Warren.
 */
final class RerunOnBrokerOutage {
    private static final int ATTEMPTS = 3;

    interface Measurement<T> {
        T run() throws Exception;
    }

    private RerunOnBrokerOutage() {}

    static <T> T measure(Broker broker, Measurement<T> measurement) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return measurement.run();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                System.out.printf(
                        "    run disturbed (%s); waiting for the broker and running it again%n",
                        e.toString().lines().findFirst().orElse(""));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!broker.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                Thread.sleep(5000); // the circuit breaker half-opens; the broken run's tasks drain
            }
        }
    }
}
