package dev.warren.it.support;

import static org.awaitility.Awaitility.await;

import dev.warren.sync.DistributedLock;
import dev.warren.sync.Lease;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lease held across a {@link SilentNetwork}: taken before the silence, then granted to another
 * process whose network works, and its holder told it lost the lease. Times are {@link
 * System#nanoTime()}.
 */
public record LeaseCut(Lease held, Lease taken, long silentAt, long lostAt, long takenAt) {
    private static final Duration GRANT_WAIT = Duration.ofSeconds(60);
    private static final Duration TOLD_WAIT = Duration.ofSeconds(30);

    /**
     * Acquires {@code cutLock} (waiting up to {@code acquireWait}), silences {@code network} and
     * returns once {@code othersLock} is granted and the holder was told.
     */
    public static LeaseCut of(
            DistributedLock cutLock,
            DistributedLock othersLock,
            Duration acquireWait,
            SilentNetwork network)
            throws Exception {
        Lease held = cutLock.acquire(acquireWait);
        AtomicLong lostAt = new AtomicLong();
        held.onLost(() -> lostAt.set(System.nanoTime()));
        CompletableFuture<Lease> waiter =
                CompletableFuture.supplyAsync(() -> othersLock.acquire(GRANT_WAIT));

        long silentAt = System.nanoTime();
        network.silence();
        Lease taken = waiter.get(GRANT_WAIT.toSeconds(), TimeUnit.SECONDS);
        long takenAt = System.nanoTime();
        await().atMost(TOLD_WAIT).until(() -> lostAt.get() != 0);
        return new LeaseCut(held, taken, silentAt, lostAt.get(), takenAt);
    }

    public long toldAfterMillis() {
        return TimeUnit.NANOSECONDS.toMillis(lostAt - silentAt);
    }

    public long grantedAfterMillis() {
        return TimeUnit.NANOSECONDS.toMillis(takenAt - silentAt);
    }
}
