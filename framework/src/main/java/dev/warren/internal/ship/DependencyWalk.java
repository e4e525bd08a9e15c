package dev.warren.internal.ship;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds what a task class needs that a worker lacks, by reading bytecode from the producer's class
 * path: from the task class (and any class added by hand) it follows every class each class file
 * refers to ({@link ClassReferences}), transitively, stopping at what every worker has ({@link
 * WorkerBaseline}). Each shipped class brings the resources of its own package folder ({@link
 * PackageResources}). Never loads or initializes a class it reads.
 *
 * <pre>{@code
 * Shipment s = DependencyWalk.from(SumPrimes.class).including(List.of(Plugin.class)).walk();
 * }</pre>
 */
public final class DependencyWalk {
    private final String root;
    private final ClassLoader loader;
    private final WorkerBaseline baseline;
    private final Set<String> included;

    private DependencyWalk(
            String root, ClassLoader loader, WorkerBaseline baseline, Set<String> included) {
        this.root = root;
        this.loader = loader;
        this.baseline = baseline;
        this.included = included;
    }

    /**
     * A walk from {@code taskClass}, through its own class loader, against this process's baseline.
     */
    public static DependencyWalk from(Class<?> taskClass) {
        ClassLoader loader = taskClass.getClassLoader();
        return new DependencyWalk(
                taskClass.getName(),
                loader == null ? ClassLoader.getSystemClassLoader() : loader,
                WorkerBaseline.ofThisProcess(),
                Set.of());
    }

    /** A walk from the class named {@code binaryName} as {@code loader} finds its bytes. */
    static DependencyWalk from(String binaryName, ClassLoader loader, WorkerBaseline baseline) {
        return new DependencyWalk(binaryName, loader, baseline, Set.of());
    }

    /** The same walk, also from these classes: the ones only a lookup by name reaches. */
    public DependencyWalk including(Collection<Class<?>> classes) {
        Set<String> names = new LinkedHashSet<>(included);
        classes.forEach(c -> names.add(c.getName()));
        return new DependencyWalk(root, loader, baseline, names);
    }

    /**
     * @throws IllegalArgumentException naming the class when the task class itself, or one added by
     *     hand, is not on the class path as a class file
     */
    public Shipment walk() {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        List<Blindspot> blindspots = new ArrayList<>();
        SortedSet<String> missing = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Set<String> packagesRead = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        List<String> starts = new ArrayList<>();
        starts.add(root);
        starts.addAll(included);
        for (String start : starts) {
            String internal = start.replace('.', '/');
            if (loader.getResource(internal + ".class") == null) {
                throw new IllegalArgumentException(
                        "class "
                                + start
                                + " has no class file on the class path of "
                                + loader
                                + ", so its code cannot be shipped; ship only classes compiled"
                                + " into the application's folders or jars");
            }
            next.add(internal);
        }
        while (!next.isEmpty()) {
            String name = next.poll();
            if (!seen.add(name)) {
                continue;
            }
            URL url = loader.getResource(name + ".class");
            if (url == null) {
                if (!baseline.has(name, null)) {
                    missing.add(name.replace('/', '.'));
                }
                continue;
            }
            if (baseline.has(name, url)) {
                continue;
            }
            byte[] bytes = read(url);
            entries.put(name + ".class", bytes);
            ClassReferences refs = ClassReferences.of(bytes);
            blindspots.addAll(refs.blindspots());
            next.addAll(refs.classes());
            String location = ClassFileLocation.entryOf(url, name);
            String folder = packageFolder(name);
            if (packagesRead.add(location + "|" + folder)) {
                entries.putAll(PackageResources.in(location, folder));
            }
        }
        return new Shipment(root, entries, blindspots, missing);
    }

    private static String packageFolder(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash + 1);
    }

    static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
