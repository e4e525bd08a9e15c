package dev.warren.internal.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The resources that sit in one package folder of one class-path entry (not its sub-folders, not
 * its class files): what {@code getClass().getResource("primes.txt")} finds beside a shipped class.
 * Resources elsewhere are not shipped: no walk can tell which of them code reads.
 */
final class PackageResources {
    private PackageResources() {}

    /**
     * @param location a class-path entry, {@code file:/a/lib.jar} or {@code file:/a/classes/}
     * @param folder a package folder inside it, {@code com/acme/}, or empty for the root
     */
    static SortedMap<String, byte[]> in(String location, String folder) {
        if (!location.startsWith("file:")) {
            return new TreeMap<>();
        }
        Path path = Paths.get(URI.create(location));
        try {
            return Files.isDirectory(path) ? fromFolder(path, folder) : fromJar(path, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list resources of " + folder + " in " + location, e);
        }
    }

    private static SortedMap<String, byte[]> fromFolder(Path root, String folder)
            throws IOException {
        SortedMap<String, byte[]> found = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class")) {
                    found.put(folder + name, Files.readAllBytes(file));
                }
            }
        }
        return found;
    }

    private static SortedMap<String, byte[]> fromJar(Path jar, String folder) throws IOException {
        SortedMap<String, byte[]> found = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> all = file.entries();
            while (all.hasMoreElements()) {
                JarEntry entry = all.nextElement();
                String name = entry.getName();
                boolean inFolder =
                        name.startsWith(folder) && name.indexOf('/', folder.length()) < 0;
                if (inFolder
                        && !entry.isDirectory()
                        && !name.endsWith(".class")
                        && !name.startsWith("META-INF/")) {
                    found.put(name, file.getInputStream(entry).readAllBytes());
                }
            }
        }
        return found;
    }
}
