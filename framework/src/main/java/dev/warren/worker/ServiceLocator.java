package dev.warren.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The objects a worker's tasks may use, by type, as {@link WorkerConfig.Builder#service} registers
 * them and {@code TaskContext.service(type)} finds them.
 */
final class ServiceLocator {
    private static final Function<Class<?>, Optional<?>> NOWHERE = type -> Optional.empty();
    private static final ServiceLocator EMPTY = new ServiceLocator(Map.of(), NOWHERE);

    private final Map<Class<?>, Object> services;
    private final Function<Class<?>, Optional<?>> fallback;

    private ServiceLocator(
            Map<Class<?>, Object> services, Function<Class<?>, Optional<?>> fallback) {
        this.services = services;
        this.fallback = fallback;
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
        return new ServiceLocator(Map.copyOf(more), fallback);
    }

    /** This locator, asking {@code lookup} for the types registered services do not cover. */
    ServiceLocator withFallback(Function<Class<?>, Optional<?>> lookup) {
        return new ServiceLocator(services, Objects.requireNonNull(lookup, "serviceLookup"));
    }

    <S> Optional<S> find(Class<S> type) {
        Object registered = services.get(type);
        if (registered != null) {
            return Optional.of(type.cast(registered));
        }
        return fallback.apply(type).map(type::cast);
    }
}
