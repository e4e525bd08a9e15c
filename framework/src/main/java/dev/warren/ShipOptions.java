package dev.warren;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a producer ships its tasks' code with the tasks, and how. With shipping on, the first
 * submit of a task class reads its bytecode, finds every class and package resource it needs that a
 * worker lacks (its own, its helpers', its libraries'), and sends them to the broker once as a
 * signed, content-addressed bundle; workers started with {@code --accept-code} run it without the
 * application's jar. Classes reached only by name ({@code Class.forName("...")}) are reported as
 * warnings; add them with {@link #include}.
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

    private final boolean enabled;
    private final List<Class<?>> included;
    private final SigningKeys codeKeys;
    private final int maxBundleBytes;

    private ShipOptions(
            boolean enabled, List<Class<?>> included, SigningKeys codeKeys, int maxBundleBytes) {
        this.enabled = enabled;
        this.included = List.copyOf(included);
        this.codeKeys = codeKeys;
        this.maxBundleBytes = maxBundleBytes;
    }

    /** No shipping: every worker needs the application's classes (the default). */
    public static ShipOptions off() {
        return new ShipOptions(false, List.of(), null, DEFAULT_MAX_BUNDLE_BYTES);
    }

    /** Shipping on, bundles signed with the task signing keys unless {@link #codeKeys} says. */
    public static ShipOptions on() {
        return new ShipOptions(true, List.of(), null, DEFAULT_MAX_BUNDLE_BYTES);
    }

    /** Also ship these classes and what they reach: the ones the code loads only by name. */
    public ShipOptions include(Class<?>... classes) {
        List<Class<?>> more = new ArrayList<>(included);
        for (Class<?> c : classes) {
            more.add(Objects.requireNonNull(c, "included class"));
        }
        return new ShipOptions(enabled, more, codeKeys, maxBundleBytes);
    }

    /**
     * Sign bundles with these keys (the first one) instead of the task keys, for workers that
     * accept code only under a separate code key ({@code warren-worker --code-keys}).
     */
    public ShipOptions codeKeys(SigningKeys keys) {
        return new ShipOptions(
                enabled, included, Objects.requireNonNull(keys, "codeKeys"), maxBundleBytes);
    }

    /** Refuse to ship a task whose bundle would be larger than this. */
    public ShipOptions maxBundleBytes(int bytes) {
        return new ShipOptions(
                enabled, included, codeKeys, ConfigChecks.atLeast("maxBundleBytes", bytes, 1024));
    }

    public boolean enabled() {
        return enabled;
    }

    public List<Class<?>> included() {
        return included;
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
        return enabled ? "ShipOptions[on, include " + included.size() + "]" : "ShipOptions[off]";
    }
}
