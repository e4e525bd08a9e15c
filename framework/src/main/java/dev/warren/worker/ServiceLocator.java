package dev.warren.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects a worker's tasks may use, by type, as {@link WorkerConfig.Builder#service} registers
 * them and {@code TaskContext.service(type)} finds them.
 */
final class ServiceLocator {
    private static final ServiceLocator EMPTY = new ServiceLocator(Map.of());

    private final Map<Class<?>, Object> services;

    private ServiceLocator(Map<Class<?>, Object> services) {
        this.services = services;
    }

    static ServiceLocator empty() {
        return EMPTY;
    }

    /** This locator plus one service, found under {@code type}. */
    <S> ServiceLocator with(Class<S> type, S service) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Map<Class<?>, Object> more = new LinkedHashMap<>(services);
        more.put(type, service);
        return new ServiceLocator(Map.copyOf(more));
    }

    <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
