package dev.warren.sync;

import com.rabbitmq.client.Channel;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared map's changes as events: the owner announces each committed change on the map's fanout
 * exchange, on its own channel, right after the change's log record (one confirm covers both);
 * listeners are {@link EventChannel} subscriptions, so they are signed, resume after a lost
 * connection and report the gap, and they skip repeats by version.
 */
final class MapEntries {
    private static final Logger log = LoggerFactory.getLogger(MapEntries.class);

    private final MapAddresses map;

    @SuppressWarnings("rawtypes")
    private final EventChannel<EntryEvent> channel;

    MapEntries(MapAddresses map, Coordinator coordinator) {
        this.map = map;
        this.channel =
                EventChannel.partOf(
                        map.primitive() + " entries",
                        map.entriesExchange(),
                        map.entryType(),
                        EntryEvent.class,
                        coordinator);
    }

    /** Publishes (without waiting for the confirm) the event of a committed change. */
    void announce(Channel on, MapWire.Change change, Object previous) throws IOException {
        Envelope sealed =
                channel.seal(
                        new EntryEvent<>(
                                EntryEvent.Kind.of(previous, change.value()),
                                change.key(),
                                previous,
                                change.value(),
                                change.version()));
        on.basicPublish(
                map.entriesExchange(), "", AmqpMessages.properties(sealed, false), sealed.body());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <K, V> EventChannel.Subscription listen(Consumer<? super EntryEvent<K, V>> listener) {
        EntryOrder order = new EntryOrder();
        Consumer<EntryEvent> inOrder =
                event -> {
                    long before = order.last();
                    switch (order.offer(event.version())) {
                        case REPEAT -> {
                            return;
                        }
                        case DELIVER_AFTER_MISSED ->
                                log.warn(
                                        "{}: a listener missed changes v{} to v{} (its"
                                                + " subscription was away)",
                                        map.primitive(),
                                        before + 1,
                                        event.version() - 1);
                        case DELIVER -> {
                            // in order
                        }
                    }
                    listener.accept((EntryEvent<K, V>) event);
                };
        return channel.subscribe(inOrder);
    }

    void delete() {
        channel.delete();
    }
}
