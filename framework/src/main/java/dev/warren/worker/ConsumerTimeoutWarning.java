package dev.warren.worker;

import dev.warren.Task;
import dev.warren.WarrenConfig;
import dev.warren.internal.protocol.TaskDefinition;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ closes a channel whose delivery stays unacknowledged longer than its {@code
 * consumer_timeout} (30 minutes by default), and redelivers the task elsewhere while it still runs
 * here. Say so at start for every registered task that may run that long.
 */
final class ConsumerTimeoutWarning {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration CONSUMER_TIMEOUT_DEFAULT = Duration.ofMinutes(30);

    private ConsumerTimeoutWarning() {}

    static void check(WarrenConfig config) {
        for (Class<?> type : config.registrations().keySet()) {
            if (Task.class.isAssignableFrom(type)) {
                Duration timeout = TaskDefinition.of(type).timeout();
                if (timeout.compareTo(CONSUMER_TIMEOUT_DEFAULT) >= 0) {
                    log.warn(
                            "task {} may run {} min, as long as RabbitMQ's default consumer_timeout"
                                    + " (30 min): raise consumer_timeout in rabbitmq.conf above the"
                                    + " longest task timeout, or the broker closes the channel and"
                                    + " redelivers the task while it runs",
                            type.getSimpleName(),
                            timeout.toMinutes());
                }
            }
        }
    }
}
