package dev.warren.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.primes.SumOfPrimesExample;
import dev.warren.examples.primes.SumPrimes;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@WarrenTest
class SumOfPrimesExampleIT {
    @Test
    void exampleSumsPrimesOnTwoWorkerProcesses(TestBroker broker) throws Exception {
        Queues.reset(broker, "primes");
        List<Long> inputs = List.of(10L, 100L, 100_000L, 100_100L);

        List<Long> sums =
                SumOfPrimesExample.run(
                        ExampleEnvironment.of(broker.uri(), broker.keysText()), 2, inputs);

        assertThat(sums).containsExactly(17L, 1060L, 454_396_537L, SumPrimes.sumBelow(100_100L));
    }
}
