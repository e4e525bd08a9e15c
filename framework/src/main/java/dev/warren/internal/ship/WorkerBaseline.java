package dev.warren.internal.ship;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every worker has, so it is never shipped: the JDK (whatever the platform class loader finds)
 * and the class-path entries that hold Warren and its libraries. Those entries are found from the
 * code source of one class of each library the framework is built on, so they are right wherever
 * the jars sit (a Maven repository, a fat jar, an IDE's output folder).
 *
 * <pre>{@code
 * WorkerBaseline baseline = WorkerBaseline.ofThisProcess();
 * baseline.has("java/util/List", url);   // true
 * }</pre>
 */
public final class WorkerBaseline {
    /** One class from Warren and from each library its worker ships with. */
    private static final List<String> ANCHORS =
            List.of(
                    "dev.warren.Task",
                    "com.esotericsoftware.kryo.Kryo",
                    "com.esotericsoftware.minlog.Log",
                    "com.esotericsoftware.reflectasm.ConstructorAccess",
                    "org.objenesis.Objenesis",
                    "com.rabbitmq.client.Connection",
                    "org.slf4j.Logger",
                    "io.github.resilience4j.retry.Retry",
                    "io.github.resilience4j.circuitbreaker.CircuitBreaker",
                    "io.github.resilience4j.core.IntervalFunction",
                    "io.micrometer.core.instrument.MeterRegistry",
                    "io.micrometer.common.KeyValue",
                    "io.micrometer.observation.Observation",
                    "org.objectweb.asm.ClassReader");

    private final Set<String> locations;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    private WorkerBaseline(Set<String> locations) {
        this.locations = Set.copyOf(locations);
    }

    /** The baseline of the libraries this process loaded Warren with. */
    public static WorkerBaseline ofThisProcess() {
        Set<String> found = new HashSet<>();
        ClassLoader loader = WorkerBaseline.class.getClassLoader();
        for (String anchor : ANCHORS) {
            location(anchor, loader).ifPresent(found::add);
        }
        return new WorkerBaseline(found);
    }

    /** A baseline of the JDK and the given class-path entries (URIs) only. */
    static WorkerBaseline of(Set<String> locations) {
        Set<String> normalized = new HashSet<>();
        for (String location : locations) {
            try {
                normalized.add(URI.create(location).toURL().toExternalForm());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class-path entry URL: " + location, e);
            }
        }
        return new WorkerBaseline(normalized);
    }

    /**
     * Whether a worker has the class {@code internalName}, found on the producer at {@code url}.
     */
    public boolean has(String internalName, URL url) {
        if (platform.getResource(internalName + ".class") != null) {
            return true;
        }
        return url != null && locations.contains(ClassFileLocation.entryOf(url, internalName));
    }

    private static Optional<String> location(String className, ClassLoader loader) {
        String path = className.replace('.', '/');
        return Optional.ofNullable(loader.getResource(path + ".class"))
                .map(url -> ClassFileLocation.entryOf(url, path));
    }
}
