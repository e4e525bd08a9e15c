package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import dev.warren.WarrenException;
import dev.warren.worker.Worker;
import dev.warren.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code warren-worker}: runs a worker process for the given queues until SIGTERM or SIGINT, then
 * stops consuming, finishes and acknowledges the tasks it is running, and exits 0. A worker with
 * more stuck task threads than {@code --max-stuck-tasks} drains the same way and exits 1 saying so,
 * for its supervisor to start a new one.
 *
 * <pre>
 * WARREN_KEYS=$(cat keys) java -jar warren-worker.jar --queue primes --classpath app.jar
 * </pre>
 */
@Command(
        name = "warren-worker",
        mixinStandardHelpOptions = true,
        versionProvider = WarrenWorkerCommand.Version.class,
        subcommands = {
            KeygenCommand.class,
            StatusCommand.class,
            DeadLettersCommand.class,
            DashboardCommand.class
        },
        description = {
            "Runs Warren tasks from RabbitMQ queues on this host until SIGTERM/SIGINT.",
            "Task classes come from --classpath: the records with @TaskOptions found there."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped cleanly",
            "1:runtime failure (broker unreachable, too many stuck task threads, ...)",
            "2:wrong usage or configuration"
        })
public final class WarrenWorkerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(WarrenWorkerCommand.class);

    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = {"-q", "--queue"},
            paramLabel = "NAME",
            description = "Queue to consume (repeatable), without the 'warren.' prefix")
    List<String> queues = new ArrayList<>();

    @Option(
            names = {"-c", "--concurrency"},
            paramLabel = "N",
            description = "Tasks run at once (default: one per CPU, here ${DEFAULT-VALUE})",
            defaultValue = "${sys:warren.cpus}")
    int concurrency;

    @Option(
            names = "--prefetch",
            paramLabel = "N",
            description = "Messages the broker may push ahead per queue (default: the concurrency)")
    Integer prefetch;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description =
                    "Jar(s) or directories with the task classes, separated by '${sys:path.separator}' (repeatable)")
    List<String> classpath = new ArrayList<>();

    @Option(
            names = "--catalog",
            paramLabel = "CLASS",
            description =
                    "TaskCatalog giving explicit Kryo ids (repeatable; default: those registered"
                            + " on --classpath; most applications have none)")
    List<String> catalogs = new ArrayList<>();

    @Option(
            names = "--shutdown-timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How long a stop waits for running tasks (default: ${DEFAULT-VALUE})")
    long shutdownTimeoutSeconds;

    @Option(
            names = "--timeout-grace",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description =
                    "How long a task past its timeout has to end once interrupted, before the worker"
                            + " fails it with the timeout and leaves its thread behind as stuck"
                            + " (default: ${DEFAULT-VALUE})")
    double timeoutGraceSeconds;

    @Option(
            names = "--max-stuck-tasks",
            paramLabel = "N",
            description =
                    "Stuck task threads tolerated; with more the worker drains and exits 1"
                            + " (default: the concurrency)")
    Integer maxStuckTasks;

    @Option(
            names = "--heartbeat-interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description =
                    "How often the worker announces itself on warren.heartbeats, for status and the"
                            + " dashboard; 0: never (default: ${DEFAULT-VALUE})")
    double heartbeatSeconds;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://ADDRESS:PORT/metrics")
    Integer metricsPort;

    @Option(
            names = "--metrics-address",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE})")
    String metricsAddress;

    @Mixin ShippedCodeOptions shippedCode = new ShippedCodeOptions();

    @Mixin TaskServicesOptions taskServices = new TaskServicesOptions();

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** The configured command line, for {@link #run} and for tests that capture its output. */
    static CommandLine commandLine() {
        System.setProperty(
                "warren.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return new CommandLine(new WarrenWorkerCommand())
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    @Override
    public Integer call() throws Exception {
        if (queues.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "at least one --queue is required");
        }
        TaskClasspath taskClasspath = TaskClasspath.of(classpath);
        Thread.currentThread().setContextClassLoader(taskClasspath.loader());
        List<TaskCatalog> found = taskClasspath.catalogs(catalogs);
        WarrenConfig config =
                connection.config(found, "warren-worker").toBuilder()
                        .tasks(taskClasspath.tasks(shippedCode.acceptCode).toArray(Class<?>[]::new))
                        .build();
        connection.warnIfKeysComeFromTheEnvironment();
        WorkerConfig.Builder workerConfig =
                WorkerConfig.custom()
                        .queues(queues)
                        .concurrency(concurrency)
                        .shutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds));
        if (prefetch != null) {
            workerConfig.prefetch(prefetch);
        }
        if (timeoutGraceSeconds < 0) {
            throw new dev.warren.ConfigurationException(
                    "--timeout-grace must not be negative, was " + timeoutGraceSeconds);
        }
        workerConfig.timeoutGrace(Duration.ofMillis((long) (timeoutGraceSeconds * 1000)));
        if (maxStuckTasks != null) {
            workerConfig.maxStuckTasks(maxStuckTasks);
        }
        if (heartbeatSeconds < 0) {
            throw new dev.warren.ConfigurationException(
                    "--heartbeat-interval must not be negative, was " + heartbeatSeconds);
        }
        workerConfig.heartbeatInterval(Duration.ofMillis((long) (heartbeatSeconds * 1000)));
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = null;
        if (metricsPort != null) {
            if (metricsPort < 0 || metricsPort > 65535) {
                throw new dev.warren.ConfigurationException(
                        "--metrics-port must be 0-65535, was " + metricsPort);
            }
            registry = WorkerMetrics.registry();
            workerConfig.meterRegistry(registry);
        }
        shippedCode.applyTo(workerConfig);
        StopSignals.onTermination(stopRequested::countDown);
        try (MetricsServer metrics =
                        registry == null
                                ? null
                                : MetricsServer.start(registry, metricsAddress, metricsPort);
                Broker broker = Broker.connect(config);
                TaskServicesOptions.Opened services =
                        taskServices.open(config, broker, workerConfig);
                Worker worker = Worker.start(broker, workerConfig.build())) {
            log.info(
                    "warren-worker on {} ready: queues {}, {} task classes known",
                    config.brokerAddressForHumans(),
                    worker.config().queues(),
                    worker.knownTasks().size());
            if (metrics != null) {
                log.info("metrics on http://{}:{}/metrics", metricsAddress, metrics.port());
            }
            spec.commandLine().getOut().println("warren-worker ready");
            spec.commandLine().getOut().flush();
            wakeWhenStopped(worker);
            stopRequested.await();
            if (worker.failure().isPresent()) {
                throw worker.failure().get();
            }
            log.info("stop requested");
        }
        return 0;
    }

    /** A worker that stops itself (too many stuck task threads) ends the process too. */
    private void wakeWhenStopped(Worker worker) {
        Thread watch =
                new Thread(
                        () -> {
                            try {
                                worker.awaitShutdown();
                            } catch (InterruptedException | WarrenException e) {
                                // the failure is read from the worker once awake
                            }
                            stopRequested.countDown();
                        },
                        "warren-worker-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WarrenWorkerCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "warren-worker " + (version == null ? "development build" : version)
            };
        }
    }
}
