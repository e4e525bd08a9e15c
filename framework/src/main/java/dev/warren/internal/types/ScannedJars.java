package dev.warren.internal.types;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The {@code @TaskOptions} classes of each jar, read once per JVM: every in-process worker scans
 * the same class path, and reading each class file of its jars again costs seconds on a large one.
 * A jar rewritten in place (another size or modification time) is read again.
 */
final class ScannedJars {
    private record Key(Path jar, long size, long modified) {}

    private static final Map<Key, List<String>> SCANNED = new ConcurrentHashMap<>();

    private ScannedJars() {}

    static List<String> annotatedClassNames(Path jar) throws IOException {
        Key key = new Key(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
        List<String> known = SCANNED.get(key);
        if (known != null) {
            return known;
        }
        List<String> names = List.copyOf(scan(jar));
        SCANNED.put(key, names);
        return names;
    }

    private static List<String> scan(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !TaskScan.isClassFile(entry.getName())) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    if (TaskScan.carriesDescriptor(in.readAllBytes())) {
                        names.add(TaskScan.className(entry.getName()));
                    }
                }
            }
        }
        return names;
    }
}
