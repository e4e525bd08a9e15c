package dev.warren.spring;

import dev.warren.worker.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns {@code warren.worker.*} into a {@link WorkerConfig}: the queues and limits from the
 * properties, the application's meter registry, and task services looked up in the application
 * context.
 */
final class WorkerConfigFactory {
    private WorkerConfigFactory() {}

    static WorkerConfig create(
            WarrenProperties.Worker properties,
            MeterRegistry meters,
            Function<Class<?>, Optional<?>> services) {
        WorkerConfig.Builder builder =
                WorkerConfig.custom().meterRegistry(meters).serviceLookup(services);
        WarrenPropertyException.check(
                "warren.worker.queues", () -> builder.queues(properties.getQueues()));
        if (properties.getConcurrency() != null) {
            WarrenPropertyException.check(
                    "warren.worker.concurrency",
                    () -> builder.concurrency(properties.getConcurrency()));
        }
        if (properties.getShutdownTimeout() != null) {
            WarrenPropertyException.check(
                    "warren.worker.shutdown-timeout",
                    () -> builder.shutdownTimeout(properties.getShutdownTimeout()));
        }
        return WarrenPropertyException.check("warren.worker.queues", builder::build);
    }
}
