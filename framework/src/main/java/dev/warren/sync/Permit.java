package dev.warren.sync;

import java.util.Optional;

/**
 * One permit of a {@link DistributedSemaphore}: held until {@link #close()}, or until the holder's
 * connection dies, when the broker puts it back for others.
 *
 * <pre>{@code
 * try (Permit permit = downloads.acquire(Duration.ofMinutes(1))) {
 *     permit.onLost(() -> log.warn("permit lost: another process may now be over the limit"));
 *     fetch(url);
 * }
 * }</pre>
 */
public final class Permit implements AutoCloseable {
    private final DistributedSemaphore semaphore;
    private final HeldToken token;

    Permit(DistributedSemaphore semaphore, HeldToken token) {
        this.semaphore = semaphore;
        this.token = token;
    }

    public String semaphoreName() {
        return semaphore.name();
    }

    /** False after {@link #close()} or once this process learned that the permit was lost. */
    public boolean isValid() {
        return token.isValid();
    }

    /**
     * Why the permit was lost, as a sentence (its lease time ran out, or it reached the broker's
     * {@code consumer_timeout}); empty while it is held and after {@link #close()}.
     */
    public Optional<String> lostReason() {
        return token.lostReason();
    }

    /** Runs {@code callback} (on a Warren thread) when the permit is lost without close. */
    public void onLost(Runnable callback) {
        token.onLost(callback);
    }

    /** Gives the permit back; does nothing if already given back or lost. */
    @Override
    public void close() {
        token.release();
    }

    @Override
    public String toString() {
        return "Permit[semaphore "
                + semaphore.name()
                + (isValid() ? "" : ", no longer valid")
                + "]";
    }
}
