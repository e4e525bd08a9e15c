package dev.warren.internal.transport;

import dev.warren.PublishFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The messages a channel published and the broker has not confirmed yet, by publish sequence
 * number. A confirm (one or {@code multiple}) completes them, a nack fails them, and a mandatory
 * message the broker returned fails as unroutable when its confirm comes.
 */
final class ConfirmTracker<M extends ConfirmTracker.Tracked> {

    /** A message waiting for its confirm. */
    interface Tracked {
        String messageId();

        boolean mandatory();

        void confirmed();

        void failed(RuntimeException why);
    }

    private final ConcurrentNavigableMap<Long, M> outstanding = new ConcurrentSkipListMap<>();
    private final Map<String, String> returned = new ConcurrentHashMap<>();

    void published(long seq, M message) {
        outstanding.put(seq, message);
    }

    /** The publish itself failed: the message was never sent; true if it was still tracked. */
    boolean unsent(long seq) {
        return outstanding.remove(seq) != null;
    }

    /** The broker returned a mandatory message: no queue took it. */
    void returned(String messageId, String why) {
        returned.put(String.valueOf(messageId), why);
    }

    void acked(long seq, boolean multiple) {
        settle(seq, multiple, null);
    }

    void nacked(long seq, boolean multiple) {
        settle(
                seq,
                multiple,
                "RabbitMQ refused the message (nack): an internal error on the broker");
    }

    private void settle(long seq, boolean multiple, String refusal) {
        if (multiple) {
            ConcurrentNavigableMap<Long, M> head = outstanding.headMap(seq, true);
            for (M message : head.values()) {
                complete(message, refusal);
            }
            head.clear();
        } else {
            M message = outstanding.remove(seq);
            if (message != null) {
                complete(message, refusal);
            }
        }
    }

    private void complete(M message, String refusal) {
        String unroutable =
                message.mandatory() ? returned.remove(String.valueOf(message.messageId())) : null;
        if (refusal != null) {
            message.failed(new PublishFailedException(refusal));
        } else if (unroutable != null) {
            message.failed(new PublishFailedException("unroutable: " + unroutable));
        } else {
            message.confirmed();
        }
    }

    /** Everything not confirmed yet, oldest first, forgotten here: the channel is gone. */
    List<M> takeUnconfirmed() {
        List<M> unconfirmed = new ArrayList<>(outstanding.values());
        outstanding.clear();
        return unconfirmed;
    }

    int size() {
        return outstanding.size();
    }
}
