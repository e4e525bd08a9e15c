package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.internal.protocol.TaskDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warren-worker dashboard}: the web console with queues, charts, workers and failures. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a live web console with queues, their rate and run-time charts, workers, recent"
                    + " failures newest first with their stack traces, a lookup of a task by id, and"
                    + " buttons to retry or purge dead letters, until SIGTERM/SIGINT.",
            "It binds to 127.0.0.1 by default and asks for a token: a new random one at each"
                    + " start, in the address it prints, or the first line of --token-file. Use an"
                    + " SSH tunnel rather than --bind 0.0.0.0 to see it from elsewhere."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped cleanly",
            "1:runtime failure (broker unreachable, port taken, ...)",
            "2:wrong usage or configuration"
        })
final class DashboardCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = {"-p", "--port"},
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(
            names = {"-q", "--queue"},
            paramLabel = "NAME",
            description = "Also show this queue (repeatable); queues of live workers always show")
    List<String> queues = new ArrayList<>();

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description =
                    "Read the token from this file's first line (16+ URL-safe characters) instead"
                            + " of making a random one")
    Path tokenFile;

    @Option(
            names = "--max-age",
            paramLabel = "AGE",
            defaultValue = "7d",
            converter = RetryAge.class,
            description =
                    "Its retry buttons send back only letters dead-lettered less than AGE ago: 7d,"
                            + " 36h, 90m, 600s (default: ${DEFAULT-VALUE})")
    Duration maxAge;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new dev.warren.ConfigurationException("--port must be 0-65535, was " + port);
        }
        queues.forEach(TaskDefinition::checkQueueName);
        DashboardToken token =
                tokenFile == null ? DashboardToken.random() : DashboardToken.fromFile(tokenFile);
        StopSignals.onTermination(stopRequested::countDown);
        try (Broker broker = Broker.connect(connection.config(List.of(), "warren-dashboard"));
                DashboardServer server =
                        DashboardServer.start(broker, bind, port, queues, token, maxAge)) {
            spec.commandLine().getOut().println("warren dashboard on " + server.url());
            spec.commandLine().getOut().flush();
            stopRequested.await();
        }
        return 0;
    }
}
