package dev.warren.internal.ship;

/**
 * A place where bytecode names a class in a way the walk cannot follow: a class looked up by a
 * string, or a service found at run time. Each carries the sentence shown to the user.
 *
 * <pre>{@code
 * walk.blindspots().forEach(b -> log.warn(b.sentence()));
 * }</pre>
 *
 * @param kind what kind of lookup it is
 * @param site where it is: {@code com.acme.Task.run (Task.java:42)}
 * @param className the class name when the bytecode gives it as a constant, else null
 */
public record Blindspot(Kind kind, String site, String className) {
    /** The lookups a static walk cannot follow. */
    public enum Kind {
        /** {@code Class.forName("com.acme.X")} or {@code loadClass("com.acme.X")}. */
        CONSTANT_NAME,
        /** {@code Class.forName(name)} with a name computed at run time. */
        COMPUTED_NAME,
        /** {@code ServiceLoader.load(...)}: implementations are named in META-INF/services. */
        SERVICE_LOADER
    }

    /** One sentence naming the site, what is not shipped, and how to ship it. */
    public String sentence() {
        return switch (kind) {
            case CONSTANT_NAME ->
                    site
                            + " loads class "
                            + className
                            + " by name; the walk does not follow names in strings, so it is"
                            + " shipped only if something else refers to it: add it with"
                            + " ShipOptions.include("
                            + className
                            + ".class)";
            case COMPUTED_NAME ->
                    site
                            + " loads a class whose name is computed at run time; the walk cannot"
                            + " know it: add the classes it may load with ShipOptions.include(...)";
            case SERVICE_LOADER ->
                    site
                            + " uses ServiceLoader; the implementations listed in META-INF/services"
                            + " are not shipped: add them with ShipOptions.include(...)";
        };
    }
}
