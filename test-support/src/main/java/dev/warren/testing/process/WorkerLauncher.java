package dev.warren.testing.process;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts {@code warren-worker} processes, as an operator runs them on other hosts, and waits until
 * each consumes ("warren-worker ready").
 *
 * <pre>{@code
 * try (JvmProcess worker =
 *         WorkerLauncher.fromBuild()
 *                 .broker(brokerUri)
 *                 .keys(keysText)
 *                 .taskClasspath("target/classes")
 *                 .queues("primes")
 *                 .concurrency(2)
 *                 .start()) {
 *     // submit tasks; worker.stop(Duration.ofSeconds(30)) lets it finish them
 * }
 * }</pre>
 *
 * The broker URI and the signing keys reach the worker through its environment ({@code
 * WARREN_BROKER_URI}, {@code WARREN_KEYS}), never its command line. This package has no JUnit or
 * Testcontainers types, so main code (the examples start their workers with it) can use it without
 * either on its classpath.
 */
public final class WorkerLauncher {
    /** What {@code warren-worker} prints once it consumes from every queue. */
    public static final String READY_LINE = "warren-worker ready";

    /** The system property naming the worker jar for {@link #fromBuild()}. */
    public static final String JAR_PROPERTY = "warren.worker.jar";

    private static final String MAIN_CLASS = "dev.warren.cli.WarrenWorkerCommand";
    private static final Path BUILT_JAR = Path.of("worker-cli", "target", "warren-worker.jar");

    private final Function<List<String>, JvmLauncher> launcherWithArgs;
    private final List<String> options = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path logFile;
    private boolean inheritErrors;
    private Duration readyTimeout = Duration.ofSeconds(60);

    private WorkerLauncher(Function<List<String>, JvmLauncher> launcherWithArgs) {
        this.launcherWithArgs = launcherWithArgs;
    }

    /** Workers from a {@code warren-worker.jar}. */
    public static WorkerLauncher fromJar(Path workerJar) {
        if (!Files.isRegularFile(workerJar)) {
            throw new IllegalStateException(
                    "worker jar not found at "
                            + workerJar.toAbsolutePath()
                            + ": build it with './mvnw -q -DskipTests package' from the project"
                            + " root, or pass -D"
                            + JAR_PROPERTY
                            + "=PATH");
        }
        return new WorkerLauncher(args -> JvmLauncher.jar(workerJar).args(args));
    }

    /**
     * Workers from the jar at {@code -Dwarren.worker.jar}, else from this build's {@code
     * worker-cli/target/warren-worker.jar} seen from the project root or from a module.
     */
    public static WorkerLauncher fromBuild() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            return fromJar(Path.of(configured));
        }
        return fromJar(
                Stream.of(BUILT_JAR, Path.of("..").resolve(BUILT_JAR))
                        .filter(Files::isRegularFile)
                        .findFirst()
                        .orElse(BUILT_JAR));
    }

    /**
     * Workers run as {@code java -cp CLASSPATH dev.warren.cli.WarrenWorkerCommand}: a classpath
     * with {@code warren-worker-cli} and the tasks on it, such as a test's own {@code
     * java.class.path}, needs no jar.
     */
    public static WorkerLauncher fromClasspath(String classpath) {
        return new WorkerLauncher(args -> JvmLauncher.mainClass(classpath, MAIN_CLASS).args(args));
    }

    public WorkerLauncher broker(URI uri) {
        return environment("WARREN_BROKER_URI", uri.toString());
    }

    /** The signing keys in their text form ({@code id=base64secret,...}). */
    public WorkerLauncher keys(String keysText) {
        return environment("WARREN_KEYS", keysText);
    }

    /** {@code WARREN_LOG_LEVEL}: INFO, WARN, ... */
    public WorkerLauncher logLevel(String level) {
        return environment("WARREN_LOG_LEVEL", level);
    }

    public WorkerLauncher environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Jars or directories with the task classes ({@code --classpath}). */
    public WorkerLauncher taskClasspath(String path) {
        return options("--classpath", path);
    }

    /**
     * Where {@code type} was loaded from (a jar, or a classes directory in a build), as {@code
     * --classpath}: the worker runs the same task classes as this process.
     */
    public static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " is from", e);
        }
    }

    public WorkerLauncher queues(String... queues) {
        for (String queue : queues) {
            options("--queue", queue);
        }
        return this;
    }

    public WorkerLauncher concurrency(int tasksAtOnce) {
        return options("--concurrency", Integer.toString(tasksAtOnce));
    }

    public WorkerLauncher prefetch(int messages) {
        return options("--prefetch", Integer.toString(messages));
    }

    /** How long SIGTERM waits for running tasks ({@code --shutdown-timeout}). */
    public WorkerLauncher shutdownTimeout(Duration timeout) {
        return options("--shutdown-timeout", Long.toString(timeout.toSeconds()));
    }

    /** Any other {@code warren-worker} options, e.g. {@code --coordination}. */
    public WorkerLauncher options(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    public WorkerLauncher jvmArgs(List<String> more) {
        jvmArgs.addAll(more);
        return this;
    }

    public WorkerLauncher jvmArgs(String... more) {
        return jvmArgs(List.of(more));
    }

    /** Where the worker's log (standard error) goes; by default it joins the captured output. */
    public WorkerLauncher logFile(Path file) {
        this.logFile = file;
        return this;
    }

    /** Lets the worker's log through to this process's standard error. */
    public WorkerLauncher inheritErrors() {
        this.inheritErrors = true;
        return this;
    }

    public WorkerLauncher readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** Starts a worker and waits until it consumes. */
    public JvmProcess start() throws IOException, InterruptedException {
        JvmProcess worker = launch();
        worker.awaitReady();
        return worker;
    }

    /** Starts a worker without waiting; see {@link JvmProcess#awaitReady(List)}. */
    public JvmProcess launch() throws IOException {
        return jvmLauncher().launch();
    }

    JvmLauncher jvmLauncher() {
        JvmLauncher launcher =
                launcherWithArgs
                        .apply(options)
                        .jvmArgs(jvmArgs)
                        .label("warren-worker")
                        .readyWhen(READY_LINE, readyTimeout);
        environment.forEach(launcher::environment);
        if (logFile != null) {
            launcher.logFile(logFile);
        } else if (inheritErrors) {
            launcher.inheritErrors();
        }
        return launcher;
    }
}
