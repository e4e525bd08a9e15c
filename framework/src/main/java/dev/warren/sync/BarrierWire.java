package dev.warren.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records a {@link DistributedBarrier} sends: its state, the one message of its state queue,
 * and the news its waiters receive on its fanout exchange. Kryo ids 89-90, below the application
 * range, registered by the {@link Coordinator}.
 */
final class BarrierWire {
    private static final int KRYO_STATE = 89;
    private static final int KRYO_NEWS = 90;

    /** The generation tripped: every waiter of it returns. */
    static final String TRIPPED = "tripped";

    /** The generation broke: every waiter of it throws. */
    static final String BROKEN = "broken";

    /**
     * A waiting party's presence notice, held unacked by the party while it waits; the broker
     * dead-letters it to the news exchange when the party's connection dies.
     */
    static final String GONE = "gone";

    private BarrierWire() {}

    static Map<Class<?>, Integer> types() {
        Map<Class<?>, Integer> types = new LinkedHashMap<>();
        types.put(State.class, KRYO_STATE);
        types.put(News.class, KRYO_NEWS);
        return types;
    }

    /**
     * @param incarnation made when the barrier is created: news of a deleted barrier of the same
     *     name means nothing to the new one
     * @param version grows with every write: the highest genuine state found is the state
     * @param arrivals the party ids of the open generation, in arrival order
     * @param hosts where each arrived party runs, for messages
     * @param brokenReason why the open generation broke; null while it is not broken
     * @param endedGenerations the last generations that ended, oldest first
     * @param endedReasons for each ended generation: empty if it tripped, else why it broke
     */
    record State(
            String incarnation,
            int parties,
            long version,
            long generation,
            String[] arrivals,
            String[] hosts,
            String brokenReason,
            long[] endedGenerations,
            String[] endedReasons) {}

    /**
     * @param kind {@link #TRIPPED}, {@link #BROKEN} or {@link #GONE}
     * @param generation the generation it is about ({@link #GONE}: -1, the party's id says which)
     * @param party the party it is about ({@link #GONE}), else empty
     */
    record News(
            String kind,
            String incarnation,
            long generation,
            String party,
            String host,
            String reason) {}
}
