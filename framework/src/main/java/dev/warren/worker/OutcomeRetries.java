package dev.warren.worker;

import dev.warren.BrokerUnavailableException;
import dev.warren.PublishFailedException;
import dev.warren.internal.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes a task's outcome again, after pauses, while the broker is unavailable or refuses it,
 * before the delivery is given back. Giving it back at once would loop: while the publishing
 * connection is down (its node lost, the consuming connection on another node still up), every
 * publish fails at once, the task comes straight back and runs again, and a quorum queue counts
 * each return towards its delivery limit, dead-lettering a task that never failed after a few
 * milliseconds. The pauses cover a reconnect to another node.
 *
 * <pre>{@code
 * OutcomeRetries.DEFAULT.publish(() -> port.publish(replyTo, sealed, false));
 * }</pre>
 */
final class OutcomeRetries {
    /** 15.75 s in all: long enough for a reconnect to another node. */
    static final List<Duration> PAUSES =
            new Backoff(Duration.ofMillis(250), Duration.ofSeconds(8)).firstPauses(6);

    static final OutcomeRetries DEFAULT =
            new OutcomeRetries(
                    PAUSES,
                    pause ->
                            CompletableFuture.delayedExecutor(
                                    pause.toMillis(), TimeUnit.MILLISECONDS));

    private final List<Duration> pauses;
    private final Function<Duration, Executor> after;

    OutcomeRetries(List<Duration> pauses, Function<Duration, Executor> after) {
        this.pauses = List.copyOf(pauses);
        this.after = after;
    }

    /** Completes when one try of {@code publish} is confirmed; fails with the last failure. */
    CompletableFuture<Void> publish(Supplier<CompletableFuture<Void>> publish) {
        return attempt(publish, 0);
    }

    private CompletableFuture<Void> attempt(Supplier<CompletableFuture<Void>> publish, int tried) {
        return once(publish)
                .handle(
                        (ok, error) -> {
                            if (error == null) {
                                return CompletableFuture.<Void>completedFuture(null);
                            }
                            if (tried >= pauses.size() || !brokerUnavailable(error)) {
                                return CompletableFuture.<Void>failedFuture(error);
                            }
                            return CompletableFuture.runAsync(
                                            () -> {}, after.apply(pauses.get(tried)))
                                    .thenCompose(ignored -> attempt(publish, tried + 1));
                        })
                .thenCompose(Function.identity());
    }

    private static CompletableFuture<Void> once(Supplier<CompletableFuture<Void>> publish) {
        try {
            return publish.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean brokerUnavailable(Throwable error) {
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        // a nack: a quorum queue refuses publishes while it elects a new leader
        return cause instanceof BrokerUnavailableException
                || cause instanceof PublishFailedException;
    }
}
