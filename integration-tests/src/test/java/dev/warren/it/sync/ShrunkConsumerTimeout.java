package dev.warren.it.sync;

import dev.warren.testing.TestBroker;

/**
 * The broker's {@code consumer_timeout} shrunk for a test, and its channel tick made short so that
 * the broker checks the timeout often. A channel reads the timeout when it opens, so {@link
 * #restoreTimeout()} right after opening the test's channels (other tests on the same broker are
 * affected only for those seconds); a channel reads the tick interval each time it arms its next
 * tick, so the short tick stays until {@link #close()}, or the test's channels would be checked
 * only once a minute again.
 */
final class ShrunkConsumerTimeout implements AutoCloseable {
    private final TestBroker broker;
    private final String timeout;
    private final String tick;
    private boolean timeoutRestored;
    private boolean tickRestored;

    private ShrunkConsumerTimeout(TestBroker broker, String timeout, String tick) {
        this.broker = broker;
        this.timeout = timeout;
        this.tick = tick;
    }

    static ShrunkConsumerTimeout to(TestBroker broker, long timeoutMillis) throws Exception {
        ShrunkConsumerTimeout shrunk =
                new ShrunkConsumerTimeout(
                        broker,
                        get(broker, "consumer_timeout"),
                        get(broker, "channel_tick_interval"));
        set(broker, "channel_tick_interval", "500");
        set(broker, "consumer_timeout", Long.toString(timeoutMillis));
        String now = get(broker, "consumer_timeout");
        if (!now.equals("{ok," + timeoutMillis + "}")) {
            shrunk.close();
            throw new IllegalStateException("the broker's consumer_timeout did not change: " + now);
        }
        return shrunk;
    }

    void restoreTimeout() throws Exception {
        if (!timeoutRestored) {
            timeoutRestored = true;
            set(broker, "consumer_timeout", value(timeout, "1800000"));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            restoreTimeout();
        } finally {
            if (!tickRestored) {
                tickRestored = true;
                set(broker, "channel_tick_interval", value(tick, "60000"));
            }
        }
    }

    private static String get(TestBroker broker, String key) throws Exception {
        return broker.rabbitmqctl("eval", "application:get_env(rabbit, " + key + ").").strip();
    }

    private static void set(TestBroker broker, String key, String value) throws Exception {
        broker.rabbitmqctl("eval", "application:set_env(rabbit, " + key + ", " + value + ").");
    }

    /** The number in rabbitmqctl's {@code {ok,1800000}}, or the default when it was unset. */
    private static String value(String erlang, String otherwise) {
        return erlang.startsWith("{ok,") ? erlang.substring(4, erlang.length() - 1) : otherwise;
    }
}
