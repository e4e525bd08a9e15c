package dev.warren.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects a worker's tasks may use (database pools, HTTP clients), looked up by type through
 * {@code TaskContext.service(type)}, so that task records carry only data.
 *
 * <pre>{@code
 * ServiceLocator services = ServiceLocator.empty().with(DataSource.class, pool);
 * Worker.start(broker, WorkerConfig.custom().queues("reports").services(services).build());
 * }</pre>
 */
public final class ServiceLocator {
    private static final ServiceLocator EMPTY = new ServiceLocator(Map.of());

    private final Map<Class<?>, Object> services;

    private ServiceLocator(Map<Class<?>, Object> services) {
        this.services = services;
    }

    public static ServiceLocator empty() {
        return EMPTY;
    }

    /** This locator plus one service, found under {@code type}. */
    public <S> ServiceLocator with(Class<S> type, S service) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Map<Class<?>, Object> more = new LinkedHashMap<>(services);
        more.put(type, service);
        return new ServiceLocator(Map.copyOf(more));
    }

    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
