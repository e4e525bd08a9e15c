package dev.warren.internal.transport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether a recovering connection is between losing the broker and having re-declared what was
 * declared on it. Until then, a queue deleted on it may be declared again by the recovery, which
 * re-declares from a copy of its records taken when it began.
 */
final class RecoveryWatch {
    private final Object lock = new Object();
    private boolean recovering; // guarded by lock
    private long recoveries; // guarded by lock
    private boolean closedByApplication; // guarded by lock

    RecoveryWatch() {}

    /** A watch of {@code connection}; one that does not recover itself is never recovering. */
    static RecoveryWatch on(Connection connection) {
        return on(connection, () -> {}, () -> {});
    }

    /**
     * A watch of {@code connection} that also runs {@code onLost} when the connection is lost (not
     * closed by the application) and {@code onRecovered} when it has recovered.
     */
    static RecoveryWatch on(Connection connection, Runnable onLost, Runnable onRecovered) {
        RecoveryWatch watch = new RecoveryWatch();
        boolean recovers = connection instanceof Recoverable;
        connection.addShutdownListener(
                cause -> {
                    if (cause.isInitiatedByApplication()) {
                        watch.closed();
                        return;
                    }
                    if (recovers) {
                        watch.lost();
                    }
                    onLost.run();
                });
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(
                    new RecoveryListener() {
                        @Override
                        public void handleRecovery(Recoverable recovered) {
                            watch.recovered();
                            onRecovered.run();
                        }

                        @Override
                        public void handleRecoveryStarted(Recoverable recovering) {
                            watch.lost();
                        }
                    });
        }
        return watch;
    }

    void lost() {
        synchronized (lock) {
            recovering = true;
        }
    }

    void closed() {
        synchronized (lock) {
            closedByApplication = true;
            recovering = false;
            lock.notifyAll();
        }
    }

    void recovered() {
        synchronized (lock) {
            recovering = false;
            recoveries++;
            lock.notifyAll();
        }
    }

    /**
     * How many recoveries have completed; a change tells that the connection was lost meanwhile.
     */
    long recoveries() {
        synchronized (lock) {
            return recoveries;
        }
    }

    /**
     * Waits up to {@code max} for a recovery under way to complete.
     *
     * @return whether the connection is settled: not recovering
     */
    boolean awaitSettled(Duration max) throws InterruptedException {
        return await(max, () -> !recovering);
    }

    /**
     * Waits up to {@code max} for a recovery beyond the first {@code seen} to complete, as after an
     * operation failed because the connection was lost; returns at once when the application closed
     * the connection, which never recovers.
     *
     * @return whether such a recovery completed
     */
    boolean awaitRecoveryBeyond(long seen, Duration max) throws InterruptedException {
        synchronized (lock) {
            return await(max, () -> recoveries > seen || closedByApplication)
                    && !closedByApplication;
        }
    }

    private boolean await(Duration max, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
