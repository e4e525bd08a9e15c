package dev.warren.worker;

import dev.warren.internal.replay.ReplayGuard;
import dev.warren.internal.replay.ReplayVerdict;
import dev.warren.internal.replay.TakenKey;
import dev.warren.internal.transport.BrokerLink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The worker's {@link ReplayCheck} on a real broker: one {@link ReplayGuard} per queue. */
final class FleetReplays implements ReplayCheck, AutoCloseable {
    static final Duration BEAT_EVERY = Duration.ofSeconds(1);
    static final Duration STALE_AFTER = Duration.ofSeconds(3);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerLink broker;
    private final String workerId;
    private final ReplayGuard.Settings settings;
    private final Map<String, ReplayGuard> guards = new ConcurrentHashMap<>();

    FleetReplays(BrokerLink broker, String workerId, int capacity) {
        this.broker = broker;
        this.workerId = workerId;
        this.settings =
                new ReplayGuard.Settings(
                        broker.config().maxMessageAge().plus(broker.config().maxClockSkew()),
                        capacity,
                        broker.config().quorumDeliveryLimit(),
                        BEAT_EVERY,
                        STALE_AFTER,
                        CATCH_UP_TIMEOUT);
    }

    /** Reads the fleet's log of {@code queue} up to now; call before consuming the queue. */
    void follow(String queue) {
        guards.computeIfAbsent(queue, q -> ReplayGuard.start(broker, q, workerId, settings));
    }

    @Override
    public ReplayVerdict take(String queue, TakenKey key, long taskTimestamp, boolean redelivered) {
        return guards.get(queue).take(key, taskTimestamp, redelivered);
    }

    @Override
    public void settled(String queue, TakenKey key, boolean givenBack) {
        guards.get(queue).settled(key, givenBack);
    }

    @Override
    public void close() {
        guards.values().forEach(ReplayGuard::close);
    }
}
