package dev.warren.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskScanTest {
    @TempDir Path dir;

    /** Set by a crafted class's static initialiser: the scan must never run one. */
    private static final String INITIALISED = "warren.test.scan.initialised";

    private Path compile(String... sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.resolve("app"));
        Files.createDirectories(classes);
        for (int i = 0; i < sources.length; i += 2) {
            Files.writeString(src.resolve("app").resolve(sources[i] + ".java"), sources[i + 1]);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args;
        try (Stream<Path> files = Files.list(src.resolve("app"))) {
            args =
                    Stream.concat(
                                    Stream.of(
                                            "-d",
                                            classes.toString(),
                                            "-cp",
                                            System.getProperty("java.class.path")),
                                    files.map(Path::toString))
                            .toList();
        }
        assertThat(compiler.run(null, null, null, args.toArray(String[]::new))).isZero();
        return classes;
    }

    private Path crafted() throws IOException {
        return compile(
                "Annotated",
                "package app;\n"
                        + "@dev.warren.TaskOptions(queue = \"scanned\")\n"
                        + "public record Annotated(int n) implements dev.warren.Task<Integer> {\n"
                        + "  static { System.setProperty(\""
                        + INITIALISED
                        + "\", \"yes\"); }\n"
                        + "  public Integer run(dev.warren.TaskContext c) { return n; }\n"
                        + "}\n",
                "Unannotated",
                "package app;\n"
                        + "public record Unannotated(int n) implements dev.warren.Task<Integer> {\n"
                        + "  public Integer run(dev.warren.TaskContext c) { return n; }\n"
                        + "}\n",
                "NotATask",
                "package app;\n"
                        + "@dev.warren.TaskOptions(queue = \"scanned\")\n"
                        + "public record NotATask(int n) {}\n",
                "MentionsOptions",
                "package app;\n"
                        + "public final class MentionsOptions {\n"
                        + "  dev.warren.TaskOptions options;\n"
                        + "}\n");
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static URLClassLoader loaderFor(Path entry) throws IOException {
        return new URLClassLoader(
                new URL[] {entry.toUri().toURL()}, TaskScanTest.class.getClassLoader());
    }

    @Test
    void aDirectoryYieldsOnlyItsAnnotatedTaskRecordsWithoutInitialisingThem() throws IOException {
        Path classes = crafted();
        System.clearProperty(INITIALISED);

        try (URLClassLoader loader = loaderFor(classes)) {
            List<Class<?>> found = TaskScan.taskClasses(List.of(classes), loader);

            assertThat(found).extracting(Class::getName).containsExactly("app.Annotated");
        }
        assertThat(System.getProperty(INITIALISED)).isNull();
    }

    @Test
    void aJarYieldsTheSameTaskRecords() throws IOException {
        Path jar = jar(crafted(), dir.resolve("app.jar"));

        try (URLClassLoader loader = loaderFor(jar)) {
            assertThat(TaskScan.taskClasses(List.of(jar), loader))
                    .extracting(Class::getName)
                    .containsExactly("app.Annotated");
        }
    }

    @Test
    void theByteSearchPicksUpEveryClassFileMentioningTheAnnotation() throws IOException {
        Path classes = crafted();

        assertThat(TaskScan.annotatedClassNames(List.of(classes)))
                .containsExactlyInAnyOrder("app.Annotated", "app.NotATask", "app.MentionsOptions");
    }

    @Test
    void theApplicationClasspathLeavesOutWarrensOwnJarsAndKeepsTheTestClasses() {
        List<Path> entries = TaskScan.applicationClasspath();

        assertThat(entries).noneMatch(p -> p.toString().contains("kryo"));
        assertThat(entries).noneMatch(p -> p.toString().contains("amqp-client"));
        assertThat(entries).anyMatch(p -> p.endsWith("test-classes"));
        assertThat(entries).noneMatch(p -> p.endsWith(Path.of("framework", "target", "classes")));
    }
}
