package dev.warren.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.ops.DeadLetters;
import dev.warren.testing.Queues;
import dev.warren.testing.WarrenTest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a retry says is left is what the dead-letter queue holds afterwards. */
@WarrenTest
class DeadLetterCountIT extends DeadLetterQueueFixture {
    @Test
    void aRetryCountsTheLettersReallyLeftIncludingOnesDeadLetteredMeanwhile() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("fails"), "FAILED", "boom");
        Ops.deadLetter(test, broker, queue, new OpsEcho("old"), "EXPIRED", "too old");
        AtomicBoolean anotherArrived = new AtomicBoolean();

        DeadLetters.RetryReport report =
                DeadLetters.of(broker)
                        .retry(
                                queue,
                                letter -> {
                                    if (anotherArrived.compareAndSet(false, true)) {
                                        deadLetterMeanwhile();
                                    }
                                    return true;
                                });

        assertThat(report.retried()).hasSize(1);
        assertThat(report.refused()).hasSize(1);
        assertThat(report.left()).isEqualTo(2).isEqualTo(Queues.depth(test, dead));
    }

    @Test
    void theCommandLinePrintsTheCountLeft() throws Exception {
        Ops.deadLetter(test, broker, queue, new OpsEcho("fails"), "FAILED", "boom");
        for (int i = 0; i < 3; i++) {
            Ops.deadLetter(test, broker, queue, new OpsEcho("old " + i), "EXPIRED", "too old");
        }

        Ops.Run run = Ops.cli(test, keys, RETRY, queue, "--all");

        assertThat(run.out()).contains("1 retried, 3 refused, 3 left in " + dead);
        assertThat(Queues.depth(test, dead)).isEqualTo(3);
    }

    private void deadLetterMeanwhile() {
        try {
            Ops.deadLetter(test, broker, queue, new OpsEcho("late"), "FAILED", "boom");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
