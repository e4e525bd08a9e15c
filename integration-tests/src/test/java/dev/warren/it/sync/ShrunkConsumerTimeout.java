package dev.warren.it.sync;

import dev.warren.testing.TestBroker;
import java.util.concurrent.Callable;

/**
 * Runs a step with the broker's {@code consumer_timeout} shrunk (and its channel tick made short so
 * the broker checks it often), restoring both right after: a channel reads them when it opens, so
 * channels opened in the step keep the short timeout, and other tests on the same broker are
 * affected only for the seconds the step takes.
 */
final class ShrunkConsumerTimeout {
    private ShrunkConsumerTimeout() {}

    static <T> T during(TestBroker broker, long timeoutMillis, Callable<T> step) throws Exception {
        String timeout = get(broker, "consumer_timeout");
        String tick = get(broker, "channel_tick_interval");
        set(broker, "consumer_timeout", Long.toString(timeoutMillis));
        set(broker, "channel_tick_interval", "500");
        try {
            String now = get(broker, "consumer_timeout");
            if (!now.equals("{ok," + timeoutMillis + "}")) {
                throw new IllegalStateException(
                        "the broker's consumer_timeout did not change: " + now);
            }
            return step.call();
        } finally {
            set(broker, "consumer_timeout", value(timeout, "1800000"));
            set(broker, "channel_tick_interval", value(tick, "60000"));
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
