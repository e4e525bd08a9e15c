package dev.warren.it.ship;

import dev.warren.Task;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * One task class name in as many versions as asked: each compiled at test time into a folder of its
 * own and loaded by a class loader of its own, so the class exists only in that loader.
 */
final class TaskVersions {
    static final String NAME = "dev.warren.it.ship.versions.Versioned";

    private TaskVersions() {}

    /** The class {@link #NAME} whose task returns {@code label + ":" + n}. */
    static Class<?> compile(Path dir, String label, String queue) throws IOException {
        Path source = dir.resolve("dev/warren/it/ship/versions/Versioned.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package dev.warren.it.ship.versions;\n"
                        + "@dev.warren.TaskOptions(queue = \""
                        + queue
                        + "\")\n"
                        + "public record Versioned(int n) implements dev.warren.Task<String> {\n"
                        + "  @Override public String run(dev.warren.TaskContext context) {\n"
                        + "    return \""
                        + label
                        + ":\" + n;\n"
                        + "  }\n"
                        + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status =
                javac.run(
                        null,
                        null,
                        null,
                        List.of(
                                        "-classpath",
                                        System.getProperty("java.class.path"),
                                        "-d",
                                        dir.toString(),
                                        source.toString())
                                .toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + source);
        }
        Files.delete(source);
        URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {dir.toUri().toURL()}, TaskVersions.class.getClassLoader());
        try {
            return Class.forName(NAME, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Task<String> task(Class<?> version, int n) throws ReflectiveOperationException {
        return (Task<String>) version.getConstructor(int.class).newInstance(n);
    }
}
