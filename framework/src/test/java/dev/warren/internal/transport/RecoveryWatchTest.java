package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecoveryWatchTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aConnectionThatWasNeverLostIsSettled() throws Exception {
        assertThat(new RecoveryWatch().awaitSettled(Duration.ZERO)).isTrue();
    }

    @Test
    void aLostConnectionIsSettledOnlyOnceItHasRecovered() throws Exception {
        RecoveryWatch watch = new RecoveryWatch();
        watch.lost();
        assertThat(watch.awaitSettled(Duration.ofMillis(50))).isFalse();

        CompletableFuture<Boolean> settled =
                CompletableFuture.supplyAsync(() -> awaitQuietly(watch));
        watch.recovered();

        assertThat(settled.get()).isTrue();
        assertThat(watch.recoveries()).isEqualTo(1);
    }

    @Test
    void aRecoveryBeyondTheOnesSeenIsAwaited() throws Exception {
        RecoveryWatch watch = new RecoveryWatch();
        long seen = watch.recoveries();
        assertThat(watch.awaitRecoveryBeyond(seen, Duration.ofMillis(50))).isFalse();

        watch.lost();
        watch.recovered();

        assertThat(watch.awaitRecoveryBeyond(seen, Duration.ZERO)).isTrue();
    }

    @Test
    void aConnectionClosedByTheApplicationIsNotWaitedFor() throws Exception {
        RecoveryWatch watch = new RecoveryWatch();
        watch.lost();
        watch.closed();

        long started = System.nanoTime();
        assertThat(watch.awaitRecoveryBeyond(watch.recoveries(), LONG)).isFalse();
        assertThat(watch.awaitSettled(LONG)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LONG);
    }

    private static boolean awaitQuietly(RecoveryWatch watch) {
        try {
            return watch.awaitSettled(LONG);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
