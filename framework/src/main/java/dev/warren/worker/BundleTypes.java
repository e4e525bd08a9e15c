package dev.warren.worker;

import dev.warren.WarrenConfig;
import dev.warren.internal.codec.CodecException;
import dev.warren.internal.codec.TaskTypes;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.security.HmacSigner;
import dev.warren.internal.ship.BundleClassLoader;
import dev.warren.internal.wire.MessageSealer;
import dev.warren.internal.wire.RejectReason;
import dev.warren.internal.wire.RejectedMessageException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a worker speaks one verified bundle: a codec that knows the worker's registrations, the
 * explicit Kryo ids the producer gave the shipped classes, and each task class of the bundle once a
 * task of it arrives; and the task protocol that seals results with that codec, so a task may
 * return a type that only its bundle has.
 */
final class BundleTypes {
    private final BundleClassLoader loader;
    private final TaskTypes types;
    private final TaskProtocol replies;
    private final Map<String, Class<?>> taskClasses = new ConcurrentHashMap<>();

    private BundleTypes(BundleClassLoader loader, TaskTypes types, TaskProtocol replies) {
        this.loader = loader;
        this.types = types;
        this.replies = replies;
    }

    /**
     * @throws RejectedMessageException BUNDLE_REFUSED when the bundle's explicit ids name a class
     *     it lacks or clash with the worker's
     */
    static BundleTypes of(BundleClassLoader loader, WarrenConfig config, Clock clock) {
        Map<Class<?>, Integer> shippedIds = new LinkedHashMap<>();
        loader.kryoIds().forEach((name, id) -> shippedIds.put(load(loader, name), id));
        TaskTypes types;
        try {
            types = TaskTypes.forConfig(config, TaskProtocol.WIRE_TYPES, shippedIds);
        } catch (CodecException e) {
            throw refused(loader, "its Kryo ids clash with this worker's: " + e.getMessage(), e);
        }
        MessageSealer sealer =
                new MessageSealer(
                        types.codec(), HmacSigner.of(config.signingKeys()), config.maxBodyBytes());
        return new BundleTypes(loader, types, new TaskProtocol(sealer, clock));
    }

    BundleClassLoader loader() {
        return loader;
    }

    /** Seals this bundle's results, and every other message of its tasks. */
    TaskProtocol replies() {
        return replies;
    }

    /**
     * The task of class {@code type} (one the bundle holds) encoded as {@code body}.
     *
     * @throws RejectedMessageException saying why it cannot be decoded
     */
    Object decode(String type, byte[] body, String task) {
        Class<?> known = taskClasses.get(type);
        if (known != null) {
            return decodeAs(known, body, task);
        }
        if (!loader.holdsClass(type)) {
            throw new RejectedMessageException(
                    RejectReason.NOT_A_TASK,
                    task
                            + " names bundle "
                            + ShippedTasks.shortHash(loader.hash())
                            + ", which does not hold "
                            + type);
        }
        Class<?> taskClass = load(loader, type);
        Object decoded = decodeAs(taskClass, body, task);
        taskClasses.put(type, taskClass);
        return decoded;
    }

    private Object decodeAs(Class<?> taskClass, byte[] body, String task) {
        try {
            types.admit(taskClass);
            return types.codec().decode(body);
        } catch (CodecException e) {
            throw new RejectedMessageException(
                    e.isUnregisteredClass()
                            ? RejectReason.UNREGISTERED_CLASS
                            : RejectReason.UNDECODABLE,
                    task + ": " + e.getMessage(),
                    e);
        }
    }

    private static Class<?> load(BundleClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw refused(loader, "it cannot define " + name + ": " + e, e);
        }
    }

    private static RejectedMessageException refused(
            BundleClassLoader loader, String why, Throwable cause) {
        return new RejectedMessageException(
                RejectReason.BUNDLE_REFUSED,
                "bundle " + ShippedTasks.shortHash(loader.hash()) + " is refused: " + why,
                cause);
    }
}
