package dev.warren.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time during which an {@link EventChannel.Subscription} had no queue on the broker,
 * because the coordinator's connection was lost: events published in it, and events that were on
 * their way to the subscription when the connection went, did not reach the handler. The
 * subscription itself went on by itself at {@code resumed}.
 *
 * <pre>{@code
 * subscription.onGap(gap -> cache.reloadAll());   // events of the gap are gone: rebuild from the source
 * }</pre>
 *
 * @param lost when this process noticed the loss
 * @param resumed when the subscription had a queue again
 */
public record SubscriptionGap(Instant lost, Instant resumed) {
    public Duration length() {
        return Duration.between(lost, resumed);
    }
}
