package dev.warren.examples.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import dev.warren.examples.ExampleEnvironment;
import dev.warren.examples.LocalBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressBarExampleIT {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream barBytes = new ByteArrayOutputStream();

    @BeforeEach
    @AfterEach
    void deleteTheExamplesQueues() throws Exception {
        LocalBroker.requireReachable();
        LocalBroker.deleteQueues(CountPrimes.QUEUE);
    }

    @Test
    void theBarFollowsTheMapFromTheFirstResultToTheLast() throws Exception {
        List<Long> inputs = ProgressBarExample.inputs(20);

        List<Long> counts =
                ProgressBarExample.run(
                        ExampleEnvironment.of(LocalBroker.URI, SigningKeys.generate("it")),
                        2,
                        inputs,
                        stream(outBytes),
                        stream(barBytes));

        assertThat(counts)
                .containsExactlyElementsOf(inputs.stream().map(Sieve::primesBelow).toList());
        String bar = barBytes.toString(StandardCharsets.UTF_8);
        assertThat(bar).startsWith("\rcount-primes [").endsWith("\n");
        List<String> states = List.of(bar.strip().split("\r"));
        assertThat(states.get(0)).as("the first state drawn").doesNotContain("20/20");
        assertThat(states.get(states.size() - 1)).contains("20/20  100%");
        assertThat(outBytes.toString(StandardCharsets.UTF_8))
                .contains(
                        String.format(
                                "Counted the primes below 20 numbers; below 219,000 there are %,d",
                                Sieve.primesBelow(219_000)));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /** Counts primes another way than the example does, so the two can disagree. */
    private static final class Sieve {
        static long primesBelow(long n) {
            boolean[] composite = new boolean[(int) n];
            long primes = 0;
            for (int i = 2; i < n; i++) {
                if (!composite[i]) {
                    primes++;
                    for (long j = (long) i * i; j < n; j += i) {
                        composite[(int) j] = true;
                    }
                }
            }
            return primes;
        }
    }
}
