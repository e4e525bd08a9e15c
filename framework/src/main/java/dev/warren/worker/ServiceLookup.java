package dev.warren.worker;

import java.util.Optional;

/**
 * Where {@code TaskContext.service(type)} looks for a type that no {@link
 * WorkerConfig.Builder#service} registered: a dependency-injection container, for example, so that
 * tasks reach the application's objects without registering each one.
 *
 * <pre>{@code
 * WorkerConfig config = WorkerConfig.custom()
 *     .queues("payments")
 *     .serviceLookup(type -> Optional.ofNullable(container.find(type)))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ServiceLookup {
    /** The object tasks get for {@code type}, or empty; it must be an instance of {@code type}. */
    Optional<?> find(Class<?> type);
}
