package dev.warren.testing.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a child JVM with this JVM's {@code java}, from a jar or a main class, and hands back a
 * {@link JvmProcess} that reads its output from the start.
 *
 * <pre>{@code
 * try (JvmProcess child =
 *         JvmLauncher.mainClass(System.getProperty("java.class.path"), "com.example.Child")
 *                 .jvmArgs("-Xmx128m")
 *                 .args("hold", "lock-a")
 *                 .environment("CHILD_TOKEN", token)
 *                 .readyWhen("READY", Duration.ofSeconds(30))
 *                 .start()) {
 *     child.awaitLine("HOLDING", Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * Secrets go in {@link #environment}, never in {@link #args}: other users of the host can read a
 * process's arguments. Standard error is merged into the captured output unless {@link #logFile} or
 * {@link #inheritErrors} says otherwise.
 */
public final class JvmLauncher {
    private final List<String> entry;
    private final String defaultLabel;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String label;
    private ProcessBuilder.Redirect errors;
    private String readyMarker;
    private Duration readyTimeout = Duration.ofSeconds(60);

    private JvmLauncher(List<String> entry, String defaultLabel) {
        this.entry = entry;
        this.defaultLabel = defaultLabel;
    }

    /** {@code java -jar JAR}. */
    public static JvmLauncher jar(Path jar) {
        return new JvmLauncher(List.of("-jar", jar.toString()), jar.getFileName().toString());
    }

    /** {@code java -cp CLASSPATH MAIN_CLASS}. */
    public static JvmLauncher mainClass(String classpath, String mainClass) {
        return new JvmLauncher(
                List.of("-cp", classpath, mainClass),
                mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    /** Options for the JVM itself, such as {@code -Xmx256m}; added to those given before. */
    public JvmLauncher jvmArgs(List<String> options) {
        jvmArgs.addAll(options);
        return this;
    }

    public JvmLauncher jvmArgs(String... options) {
        return jvmArgs(List.of(options));
    }

    /** Arguments of the program; added to those given before. */
    public JvmLauncher args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    public JvmLauncher args(String... arguments) {
        return args(List.of(arguments));
    }

    /** Sets a variable in the child's environment, which otherwise is a copy of this one's. */
    public JvmLauncher environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The name in thread names and error messages; by default the jar's or main class's. */
    public JvmLauncher label(String name) {
        this.label = name;
        return this;
    }

    /** Writes the child's standard error (its log) to {@code file}, replacing what was there. */
    public JvmLauncher logFile(Path file) {
        this.errors = ProcessBuilder.Redirect.to(file.toFile());
        return this;
    }

    /** Lets the child's standard error through to this process's. */
    public JvmLauncher inheritErrors() {
        this.errors = ProcessBuilder.Redirect.INHERIT;
        return this;
    }

    /** Makes {@link #start()} wait, up to {@code timeout}, for a line containing {@code marker}. */
    public JvmLauncher readyWhen(String marker, Duration timeout) {
        this.readyMarker = marker;
        this.readyTimeout = timeout;
        return this;
    }

    /** Starts the JVM and, if a ready line was set, waits for it. */
    public JvmProcess start() throws IOException, InterruptedException {
        JvmProcess process = launch();
        process.awaitReady();
        return process;
    }

    /**
     * Starts the JVM without waiting for its ready line: start several, then {@link
     * JvmProcess#awaitReady(List)}, and they boot in parallel.
     */
    public JvmProcess launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().putAll(environment);
        if (errors == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errors);
        }
        return new JvmProcess(
                label == null ? defaultLabel : label, builder.start(), readyMarker, readyTimeout);
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(entry);
        command.addAll(args);
        return command;
    }
}
