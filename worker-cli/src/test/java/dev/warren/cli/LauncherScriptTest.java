package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code warren-worker} launcher runs the jar beside it, through symlinks too, with the Java of
 * {@code JAVA_HOME} and the options of {@code JAVA_OPTS}. A stand-in {@code java} prints what it
 * was given.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("src/main/bin/warren-worker");

    @TempDir Path dir;

    private Path install;
    private Path javaHome;

    record Run(int exitCode, String output) {}

    @BeforeEach
    void installBesideAJar() throws IOException {
        install = Files.createDirectories(dir.resolve("opt/warren"));
        Files.copy(SCRIPT, install.resolve("warren-worker"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(install.resolve("warren-worker.jar"), "not really a jar");
        javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"java $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Path launcher, Map<String, String> environment, String... args)
            throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(concat(List.of("bash", launcher.toString()), List.of(args)))
                        .redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.strip());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void itRunsTheJarBesideItWithJavaHomeAndJavaOpts() throws Exception {
        Run run =
                run(
                        install.resolve("warren-worker"),
                        Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx64m -Da=b"),
                        "status",
                        "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output())
                .isEqualTo(
                        "java -Xmx64m -Da=b -jar "
                                + install.toRealPath().resolve("warren-worker.jar")
                                + " status --json");
    }

    @Test
    void throughASymlinkElsewhereItStillFindsItsJar() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("usr/local/bin"));
        Path link =
                Files.createSymbolicLink(
                        bin.resolve("warren-worker"), Path.of("../../../opt/warren/warren-worker"));

        Run run = run(link, Map.of("JAVA_HOME", javaHome.toString()), "keygen");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output())
                .isEqualTo(
                        "java -jar "
                                + install.toRealPath().resolve("warren-worker.jar")
                                + " keygen");
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Run run = run(install.resolve("warren-worker"), Map.of("JAVA_HOME", dir.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("JAVA_HOME is " + dir, "not an executable");
    }

    @Test
    void aMissingJarIsNamedWithTheBuildCommand() throws Exception {
        Files.delete(install.resolve("warren-worker.jar"));

        Run run = run(install.resolve("warren-worker"), Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output())
                .contains("warren-worker.jar is missing", "./mvnw -DskipTests package");
    }
}
