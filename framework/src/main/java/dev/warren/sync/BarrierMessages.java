package dev.warren.sync;

import dev.warren.internal.wire.Binding;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.RejectedMessageException;
import dev.warren.sync.BarrierWire.News;
import dev.warren.sync.BarrierWire.State;
import java.util.List;
import java.util.UUID;

/**
 * Seals and opens a barrier's two messages: the state, signed for its state queue, and the news,
 * signed for its exchange. What does not verify, and a state older than another one found with it,
 * is dropped, counted and logged once per cause; it never counts as an arrival or a trip.
 */
final class BarrierMessages {
    private final Seals seals;
    private final DropLog drops;
    private final String primitive;
    private final Binding state;
    private final Binding news;

    BarrierMessages(
            Seals seals,
            DropLog drops,
            String primitive,
            String name,
            String stateQueue,
            String newsExchange) {
        this.seals = seals;
        this.drops = drops;
        this.primitive = primitive;
        this.state = Binding.of(stateQueue, "barrier-state:" + name);
        this.news = Binding.of(newsExchange, "barrier-news:" + name);
    }

    Envelope state(State s, long nowMillis) {
        return seals.seal("v" + s.version(), state, s, nowMillis);
    }

    Envelope news(News n, long nowMillis) {
        return seals.seal(UUID.randomUUID().toString(), news, n, nowMillis);
    }

    /** The newest genuine state among {@code found}, or null when none verifies. */
    State newestState(List<Envelope> found) {
        State newest = null;
        for (Envelope envelope : found) {
            State s = open(envelope, state, State.class, "state");
            if (s == null) {
                continue;
            }
            if (newest == null || s.version() > newest.version()) {
                if (newest != null) {
                    dropStale(newest, s.version());
                }
                newest = s;
            } else {
                dropStale(s, newest.version());
            }
        }
        return newest;
    }

    /** The news, or null (counted) when it is not genuine news of this barrier. */
    News openNews(Envelope envelope, String incarnation) {
        News n = open(envelope, news, News.class, "news");
        if (n != null && !n.incarnation().equals(incarnation)) {
            drops.drop(
                    primitive,
                    "MISDIRECTED",
                    "news "
                            + envelope.messageId()
                            + " is about an earlier barrier of this name (deleted since)");
            return null;
        }
        return n;
    }

    private void dropStale(State stale, long newer) {
        drops.drop(
                primitive,
                "STALE_STATE",
                "state v" + stale.version() + " found beside v" + newer + ": a copy, ignored");
    }

    private <T> T open(Envelope envelope, Binding binding, Class<T> type, String kind) {
        try {
            return seals.open(envelope, binding, type);
        } catch (RejectedMessageException e) {
            drops.drop(primitive, e.reason().name(), "not its " + kind + ": " + e.getMessage());
            return null;
        }
    }
}
