package com.example.checksums;

import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
import static dev.warren.testing.assertions.WarrenAssertions.deadLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.ops.DeadLetter;
import dev.warren.testing.WarrenTest;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The same tasks through RabbitMQ, on a worker the kit starts in this class's namespace. */
@WarrenTest(workers = "checksums")
class ChecksumIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    TaskClient client;
    Broker broker;

    @Test
    void aChecksumTravelsToTheWorkerAndItsReportBack() throws Exception {
        byte[] data = ChecksumEagerTest.hundredKilobytes();

        assertThat(client.submit(new Checksum("random.bin", data)))
                .succeedsWithin(WAIT)
                .satisfies(
                        report -> {
                            assertThat(report.sha256()).isEqualTo(Checksum.hex(data));
                            assertThat(report.kind()).isEqualTo(Kind.BINARY);
                            assertThat(report.chunkDigests()).hasSize(7);
                            assertThat(report.commonBytes()).hasSize(3);
                        });
    }

    @Test
    void aFailingTaskFailsItsCallerAndEndsInTheDeadLetters() {
        assertThat(client.submit(new Explode("no disk")))
                .failsWith(IllegalStateException.class, WAIT)
                .hasMessageContaining("no disk");
        assertThat(client.submit(new Slow(10_000))).failsWith(TimeoutException.class, WAIT);

        await().atMost(WAIT).until(() -> deadLetters(broker, "checksums").size() == 2);
        assertThat(deadLetters(broker, "checksums"))
                .extracting(DeadLetter::reason, DeadLetter::type)
                .containsExactlyInAnyOrder(
                        tuple("FAILED", Explode.class.getName()),
                        tuple("FAILED", Slow.class.getName()));
    }
}
