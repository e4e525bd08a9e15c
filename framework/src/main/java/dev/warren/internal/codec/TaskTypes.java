package dev.warren.internal.codec;

import dev.warren.WarrenConfig;
import dev.warren.internal.types.TypeClosure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task classes a process knows, and the codec that registers them with their closures: a
 * producer adds a class the first time it submits one, a worker adds its task classes at start,
 * before it decodes anything. Nothing read from the wire ever adds a class.
 *
 * <pre>{@code
 * TaskTypes types = TaskTypes.forConfig(config, TaskProtocol.WIRE_TYPES);
 * types.admit(SumPrimes.class);   // refuses a lambda or a component of type Thread, naming it
 * byte[] bytes = types.codec().encode(new SumPrimes(10));
 * }</pre>
 */
public final class TaskTypes {
    private final KryoCodec codec;
    private final Set<Class<?>> admitted = ConcurrentHashMap.newKeySet();

    private TaskTypes(KryoCodec codec) {
        this.codec = codec;
    }

    /**
     * A codec for a configuration: Warren's wire types, the explicit registrations (with the
     * closures of the records among them) and the configuration's task classes.
     */
    public static TaskTypes forConfig(WarrenConfig config, Map<Class<?>, Integer> wireTypes) {
        return forConfig(config, wireTypes, Map.of());
    }

    /**
     * As {@link #forConfig(WarrenConfig, Map)}, with explicit ids beside the configuration's: those
     * a shipped bundle carries for its own classes.
     *
     * @throws CodecException naming both classes when one id is given to two
     */
    public static TaskTypes forConfig(
            WarrenConfig config,
            Map<Class<?>, Integer> wireTypes,
            Map<Class<?>, Integer> moreRegistrations) {
        Map<Class<?>, Integer> registrations = new LinkedHashMap<>(config.registrations());
        moreRegistrations.forEach(
                (type, id) -> {
                    Integer before = registrations.putIfAbsent(type, id);
                    if (before != null && !before.equals(id)) {
                        throw new CodecException(
                                type.getName()
                                        + " has Kryo id "
                                        + before
                                        + " here and "
                                        + id
                                        + " where it was shipped from",
                                false,
                                null);
                    }
                });
        TaskTypes types =
                new TaskTypes(KryoCodec.of(wireTypes, registrations, config.maxBodyBytes()));
        for (Class<?> registered : registrations.keySet()) {
            if (registered.isRecord() || registered.isSealed()) {
                types.codec.admit(TypeClosure.ofValue(registered, BuiltInTypes::contains));
            }
        }
        config.tasks().forEach(types::admit);
        return types;
    }

    /**
     * Registers a task class and every type it reaches, once; later calls for it return at once.
     *
     * @throws dev.warren.ConfigurationException naming the class, where the bad type sits and the
     *     fix, when it cannot travel
     * @throws CodecException naming both classes when two would share a derived id
     */
    public void admit(Class<?> taskClass) {
        if (admitted.contains(taskClass)) {
            return;
        }
        codec.admit(TypeClosure.ofTask(taskClass, BuiltInTypes::contains));
        admitted.add(taskClass);
    }

    /** The task classes admitted so far. */
    public Set<Class<?>> tasks() {
        return Set.copyOf(admitted);
    }

    public KryoCodec codec() {
        return codec;
    }
}
