package dev.warren;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which task classes a producer ships with their code, and how. For a shipped class, the first
 * submit reads its bytecode, finds every class and package resource it needs that a worker lacks
 * (its own, its helpers', its libraries'), and sends them to the broker once as a signed,
 * content-addressed bundle; workers started with {@code --accept-code} run it without the
 * application's jar. Classes reached only by name ({@code Class.forName("...")}) are reported as
 * warnings; add them with {@link #include} or {@link ShipCode#include()}.
 *
 * <p>By default ({@link #annotatedOnly()}) only task classes annotated {@link ShipCode} are
 * shipped; {@link #on()} ships every task class, {@link #off()} none. A task class that was itself
 * shipped to a worker, submitted from there, always travels with its bundle: no other worker could
 * run it.
 *
 * <pre>{@code
 * WarrenConfig config = WarrenConfig.custom()
 *         .signingKeys(keys)
 *         .shipCode(ShipOptions.on().include(PluginImpl.class).codeKeys(codeKeys))
 *         .build();
 * }</pre>
 */
public final class ShipOptions {
    /** The largest bundle shipped or accepted by default. */
    public static final int DEFAULT_MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

    /** Which task classes are shipped. */
    private enum Scope {
        NONE,
        ANNOTATED,
        ALL
    }

    private final Scope scope;
    private final List<Class<?>> included;
    private final SigningKeys codeKeys;
    private final int maxBundleBytes;

    private ShipOptions(
            Scope scope, List<Class<?>> included, SigningKeys codeKeys, int maxBundleBytes) {
        this.scope = scope;
        this.included = List.copyOf(included);
        this.codeKeys = codeKeys;
        this.maxBundleBytes = maxBundleBytes;
    }

    /** No shipping, not even of {@link ShipCode} classes: every worker needs the application's. */
    public static ShipOptions off() {
        return new ShipOptions(Scope.NONE, List.of(), null, DEFAULT_MAX_BUNDLE_BYTES);
    }

    /** Ships the task classes annotated {@link ShipCode}, and no other (the default). */
    public static ShipOptions annotatedOnly() {
        return new ShipOptions(Scope.ANNOTATED, List.of(), null, DEFAULT_MAX_BUNDLE_BYTES);
    }

    /**
     * Ships every task class, with bundles signed with the task signing keys unless {@link
     * #codeKeys} says.
     */
    public static ShipOptions on() {
        return new ShipOptions(Scope.ALL, List.of(), null, DEFAULT_MAX_BUNDLE_BYTES);
    }

    /** Also ship these classes and what they reach: the ones the code loads only by name. */
    public ShipOptions include(Class<?>... classes) {
        List<Class<?>> more = new ArrayList<>(included);
        for (Class<?> c : classes) {
            more.add(Objects.requireNonNull(c, "included class"));
        }
        return new ShipOptions(scope, more, codeKeys, maxBundleBytes);
    }

    /**
     * Sign bundles with these keys (the first one) instead of the task keys, for workers that
     * accept code only under a separate code key ({@code warren-worker --code-keys}).
     */
    public ShipOptions codeKeys(SigningKeys keys) {
        return new ShipOptions(
                scope, included, Objects.requireNonNull(keys, "codeKeys"), maxBundleBytes);
    }

    /** Refuse to ship a task whose bundle would be larger than this. */
    public ShipOptions maxBundleBytes(int bytes) {
        return new ShipOptions(
                scope, included, codeKeys, ConfigChecks.atLeast("maxBundleBytes", bytes, 1024));
    }

    /** Whether tasks of {@code taskClass} travel with their code. */
    public boolean ships(Class<?> taskClass) {
        return switch (scope) {
            case NONE -> false;
            case ANNOTATED -> taskClass.isAnnotationPresent(ShipCode.class);
            case ALL -> true;
        };
    }

    /** The classes shipped with {@code taskClass} beside what the walk finds. */
    public List<Class<?>> includedFor(Class<?> taskClass) {
        ShipCode annotation = taskClass.getAnnotation(ShipCode.class);
        if (annotation == null || annotation.include().length == 0) {
            return included;
        }
        List<Class<?>> all = new ArrayList<>(included);
        all.addAll(List.of(annotation.include()));
        return List.copyOf(all);
    }

    /** The code keys, if set apart from the task keys. */
    public Optional<SigningKeys> codeKeys() {
        return Optional.ofNullable(codeKeys);
    }

    public int maxBundleBytes() {
        return maxBundleBytes;
    }

    @Override
    public String toString() {
        return switch (scope) {
            case NONE -> "ShipOptions[off]";
            case ANNOTATED -> "ShipOptions[@ShipCode classes, include " + included.size() + "]";
            case ALL -> "ShipOptions[on, include " + included.size() + "]";
        };
    }
}
