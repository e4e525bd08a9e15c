package dev.warren.sync;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared-map instance standing as a candidate owner: a {@link MapOwner} consuming the request
 * queue behind whichever candidate the broker made active. When its channel is lost (after a failed
 * request, or taken by the broker) it stands again; when the coordinator's whole connection is
 * lost, it stands again on the new one. Until closed.
 */
final class OwnerCandidacy {
    private static final Logger log = LoggerFactory.getLogger(OwnerCandidacy.class);
    private static final Duration STAND_AGAIN_AFTER = Duration.ofSeconds(1);

    private final Coordinator coordinator;
    private final MapAddresses map;
    private final MapMessages messages;
    private final MapEntries entries;
    private final Runnable standOnNewConnection = this::standIfNotStanding;
    private volatile MapOwner owner;
    private volatile boolean closed;

    private OwnerCandidacy(
            Coordinator coordinator, MapAddresses map, MapMessages messages, MapEntries entries) {
        this.coordinator = coordinator;
        this.map = map;
        this.messages = messages;
        this.entries = entries;
    }

    static OwnerCandidacy stand(
            Coordinator coordinator, MapAddresses map, MapMessages messages, MapEntries entries) {
        OwnerCandidacy candidacy = new OwnerCandidacy(coordinator, map, messages, entries);
        candidacy.stand();
        coordinator.connection().listeners().add(candidacy.standOnNewConnection);
        return candidacy;
    }

    private synchronized void stand() {
        if (closed || isStanding()) {
            return;
        }
        Channel channel = coordinator.connection().openChannel(map.primitive(), "stand as owner");
        try {
            channel.confirmSelect();
            channel.basicQos(1);
            MapOwner candidate =
                    new MapOwner(
                            channel,
                            map,
                            messages,
                            entries,
                            coordinator.config().publishTimeout(),
                            this::standAgainLater);
            owner = candidate;
            channel.basicConsume(map.requestQueue(), false, candidate);
        } catch (IOException | RuntimeException e) {
            SyncConnection.abortQuietly(channel);
            throw SyncFailures.translate(
                    map.primitive(), "stand as owner", coordinator.broker(), e);
        }
    }

    private boolean isStanding() {
        MapOwner current = owner;
        return current != null && current.getChannel().isOpen();
    }

    private void standIfNotStanding() {
        try {
            stand();
        } catch (CoordinationException e) {
            log.warn("{}: cannot stand as owner again: {}", map.primitive(), e.getMessage());
        }
    }

    /**
     * After the channel alone was lost; a lost connection is handled by {@link
     * #standOnNewConnection} once the new one is up.
     */
    private void standAgainLater() {
        if (closed || !coordinator.isOpen()) {
            return;
        }
        coordinator.runCallback(
                () -> {
                    Deadline.pause(STAND_AGAIN_AFTER.toMillis());
                    if (!closed && coordinator.isOpen()) {
                        standIfNotStanding();
                    }
                });
    }

    /** Whether this instance is the owner right now (it has served a request as the owner). */
    boolean isOwner() {
        MapOwner current = owner;
        return current != null && current.isServing();
    }

    /** Stops standing: the next candidate takes over. */
    void close() {
        closed = true;
        coordinator.connection().listeners().remove(standOnNewConnection);
        MapOwner current = owner;
        if (current != null) {
            SyncConnection.closeQuietly(current.getChannel());
        }
    }
}
