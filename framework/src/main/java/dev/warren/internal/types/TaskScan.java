package dev.warren.internal.types;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the task classes in jars and class directories: class files whose bytes carry the
 * {@code @TaskOptions} descriptor are loaded without being initialised, and kept when they are
 * records implementing {@link Task} with the annotation. Reading bytes first keeps the scan fast
 * and runs no static initialiser of an unrelated class.
 *
 * <pre>{@code
 * List<Class<?>> tasks = TaskScan.taskClasses(List.of(Path.of("app.jar")), loader);
 * List<Class<?>> mine = TaskScan.taskClasses(TaskScan.applicationClasspath(), loader);
 * }</pre>
 */
public final class TaskScan {
    private static final byte[] DESCRIPTOR =
            ("L" + TaskOptions.class.getName().replace('.', '/') + ";")
                    .getBytes(StandardCharsets.US_ASCII);

    /** Classes whose jar (or directory) is Warren's or one of its dependencies'. */
    private static final List<String> WARREN_AND_ITS_DEPENDENCIES =
            List.of(
                    "dev.warren.Task",
                    "com.esotericsoftware.kryo.Kryo",
                    "com.esotericsoftware.minlog.Log",
                    "com.esotericsoftware.reflectasm.MethodAccess",
                    "org.objenesis.Objenesis",
                    "com.rabbitmq.client.Connection",
                    "org.slf4j.Logger",
                    "io.micrometer.core.instrument.MeterRegistry",
                    "io.micrometer.common.KeyValue",
                    "io.micrometer.observation.Observation",
                    "org.HdrHistogram.Histogram",
                    "org.LatencyUtils.LatencyStats",
                    "io.netty.channel.Channel",
                    "io.netty.util.ReferenceCounted",
                    "io.netty.buffer.ByteBuf",
                    "io.netty.handler.ssl.SslContext",
                    "io.github.resilience4j.core.IntervalFunction",
                    "io.github.resilience4j.retry.Retry",
                    "io.github.resilience4j.circuitbreaker.CircuitBreaker",
                    "org.jspecify.annotations.Nullable");

    private TaskScan() {}

    /**
     * The task classes in these jars and directories, loaded through {@code loader} (which must see
     * them), in the order found.
     *
     * @throws ConfigurationException when an entry cannot be read
     */
    public static List<Class<?>> taskClasses(List<Path> entries, ClassLoader loader) {
        List<Class<?>> tasks = new ArrayList<>();
        for (String name : annotatedClassNames(entries)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // not loadable here (a missing dependency): it cannot be one of ours
            }
            if (type.isRecord()
                    && Task.class.isAssignableFrom(type)
                    && type.isAnnotationPresent(TaskOptions.class)) {
                tasks.add(type);
            }
        }
        return tasks;
    }

    /** Names of the classes whose class file mentions {@code @TaskOptions}, in the order found. */
    static Set<String> annotatedClassNames(List<Path> entries) {
        Set<String> names = new LinkedHashSet<>();
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    scanDirectory(entry, names);
                } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                    names.addAll(ScannedJars.annotatedClassNames(entry));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new ConfigurationException(
                        "cannot read " + entry + " to find its task classes: " + e.getMessage(), e);
            }
        }
        return names;
    }

    /**
     * This JVM's {@code java.class.path} without the jars of Warren and its dependencies: where an
     * application's own task classes are.
     */
    public static List<Path> applicationClasspath() {
        Set<Path> excluded = new LinkedHashSet<>();
        for (String anchor : WARREN_AND_ITS_DEPENDENCIES) {
            Path location = locationOf(anchor);
            if (location != null) {
                excluded.add(location);
            }
        }
        List<Path> entries = new ArrayList<>();
        for (String part : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part).toAbsolutePath().normalize();
            if (!excluded.contains(path)) {
                entries.add(path);
            }
        }
        return entries;
    }

    private static void scanDirectory(Path root, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
                if (isClassFile(relative) && carriesDescriptor(Files.readAllBytes(file))) {
                    names.add(className(relative));
                }
            }
        }
    }

    static boolean isClassFile(String path) {
        return path.endsWith(".class")
                && !path.startsWith("META-INF/")
                && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class");
    }

    static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    static boolean carriesDescriptor(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - DESCRIPTOR.length; i++) {
            for (int j = 0; j < DESCRIPTOR.length; j++) {
                if (bytes[i + j] != DESCRIPTOR[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Path locationOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, TaskScan.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null
                    ? null
                    : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (ClassNotFoundException
                | LinkageError
                | URISyntaxException
                | SecurityException
                | IllegalArgumentException e) {
            return null;
        }
    }
}
