package com.example.checksums;

import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.client.EagerClient;
import dev.warren.testing.EagerTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The tasks' code, run in this process with no broker (the kit's eager mode). Nothing is
 * registered: the records, the enum, the {@code Instant}, the {@code List} and the {@code Map} of
 * the report travel with ids derived from their names.
 */
class ChecksumEagerTest {
    static byte[] hundredKilobytes() {
        byte[] data = new byte[100 * 1024];
        new Random(42).nextBytes(data);
        return data;
    }

    @Test
    void aChecksumOfAHundredKilobytesComesBackWithEveryField() throws Exception {
        byte[] data = hundredKilobytes();
        Instant before = Instant.now();

        ChecksumReport report = EagerTasks.run(new Checksum("random.bin", data));

        assertThat(report.sha256()).isEqualTo(Checksum.hex(data));
        assertThat(report.chunkDigests()).hasSize(7).allMatch(d -> d.length() == 8);
        assertThat(report.kind()).isEqualTo(Kind.BINARY);
        assertThat(report.computedAt()).isAfterOrEqualTo(before);
        assertThat(report.commonBytes()).hasSize(3);
    }

    @Test
    void textIsToldApartFromBinary() {
        assertThat(EagerTasks.run(new Checksum("a.txt", "hello\n".getBytes())).kind())
                .isEqualTo(Kind.TEXT);
    }

    @Test
    void failuresAndTimeoutsReachTheCallerAsTheyWouldFromAWorker() {
        try (EagerClient eager = EagerTasks.client()) {
            assertThat(eager.submit(new Explode("no disk")))
                    .failsWith(IllegalStateException.class)
                    .hasMessageContaining("no disk");
            assertThat(eager.submit(new Slow(10_000)))
                    .failsWith(TimeoutException.class, Duration.ofSeconds(10))
                    .hasMessageContaining("timeout of 1s");
            assertThat(eager.submit(new Slow(10)))
                    .succeedsWithin(Duration.ofSeconds(5))
                    .isEqualTo(10L);
        }
    }
}
