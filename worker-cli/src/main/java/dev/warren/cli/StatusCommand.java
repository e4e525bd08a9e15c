package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.ConfigurationException;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerRoster;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warren-worker status}: queues and live workers as a table, once or refreshing. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows queues (ready / unacked / consumers / dead-lettered) and the live workers.",
            "Workers are found by their heartbeats on the 'warren.heartbeats' exchange; queues are"
                    + " those the workers consume plus --queue. Works without the management plugin.",
            "UNACKED comes from the workers' heartbeats; '+' marks a lower bound (a worker on"
                    + " several queues reports one total)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:shown",
            "1:runtime failure (broker unreachable, ...)",
            "2:wrong usage or configuration (also: heartbeats arrive but none verifies with the"
                    + " keys given)"
        })
final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = {"-q", "--queue"},
            paramLabel = "NAME",
            description = "Also show this queue (repeatable), without the 'warren.' prefix")
    List<String> queues = new ArrayList<>();

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "6",
            description =
                    "Longest wait for heartbeats. Workers keep their recent beats in the stream"
                            + " warren.heartbeats.recent: once those are read, status answers."
                            + " Where there is no such stream it listens this long: at least the"
                            + " workers' heartbeat interval (default: ${DEFAULT-VALUE})")
    double waitSeconds;

    @Option(names = "--json", description = "Print JSON instead of tables, for scripts")
    boolean json;

    @Option(names = "--watch", description = "Refresh every --interval seconds until Ctrl-C")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description = "Refresh interval of --watch (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            defaultValue = "0",
            hidden = true,
            description = "Stop --watch after N refreshes (0: never); for tests")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0 || intervalSeconds <= 0) {
            throw new ConfigurationException("--wait must be >= 0 and --interval > 0");
        }
        for (String queue : queues) {
            dev.warren.internal.protocol.TaskDefinition.checkQueueName(queue);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Broker broker = Broker.connect(connection.config(List.of(), "warren-status"));
                WorkerRoster roster = WorkerRoster.listen(broker)) {
            roster.awaitRecentBeats(Duration.ofMillis((long) (waitSeconds * 1000)));
            int shown = 0;
            while (true) {
                Fleet.Snapshot snapshot = Fleet.snapshot(broker, roster, queues);
                if (watch && !json) {
                    out.print("\033[H\033[2J");
                }
                if (json) {
                    out.println(JsonText.of(Fleet.json(snapshot)));
                } else {
                    print(out, snapshot);
                }
                out.flush();
                shown++;
                if (snapshot.workers().isEmpty() && snapshot.unverifiedBeats() > 0) {
                    spec.commandLine()
                            .getErr()
                            .println(
                                    "warren-worker: "
                                            + snapshot.unverifiedBeats()
                                            + " heartbeats did not verify with the keys given"
                                            + " (they name key ids "
                                            + SafeText.of(roster.unverifiedKeyIds().toString())
                                            + "): wrong --key-file or "
                                            + connection.keyEnv
                                            + "?");
                    return 2;
                }
                if (!watch || (iterations > 0 && shown >= iterations)) {
                    return 0;
                }
                Thread.sleep((long) (intervalSeconds * 1000));
            }
        }
    }

    static void print(PrintWriter out, Fleet.Snapshot snapshot) {
        TextTable queues = new TextTable("QUEUE", "READY", "UNACKED", "CONSUMERS", "DEAD");
        for (Fleet.QueueRow q : snapshot.queues()) {
            queues.row(
                    q.exists() ? q.name() : q.name() + " (missing)",
                    q.ready(),
                    q.unacked() + (q.unackedExact() ? "" : "+"),
                    q.consumers(),
                    q.dead());
        }
        if (queues.isEmpty()) {
            out.println("No queues: no worker heartbeats heard, and no --queue given.");
        } else {
            queues.print(out);
        }
        out.println();
        TextTable workers =
                new TextTable(
                        "WORKER", "HOST", "PID", "QUEUES", "THREADS", "RUNNING", "UNACKED", "OK",
                        "FAILED", "RETRIED", "REFUSED", "UPTIME", "STATE");
        for (WorkerHeartbeat w : snapshot.workers()) {
            workers.row(
                    w.workerId(),
                    w.host(),
                    w.pid(),
                    String.join(",", w.queues()),
                    w.concurrency(),
                    w.inFlight(),
                    w.unacked(),
                    w.succeeded(),
                    w.failed(),
                    w.retried(),
                    w.rejected(),
                    Fleet.uptime(w.uptime()),
                    w.state());
        }
        if (workers.isEmpty()) {
            out.println("No live workers (none sent a heartbeat while listening).");
        } else {
            workers.print(out);
        }
        if (snapshot.unverifiedBeats() > 0 && !snapshot.workers().isEmpty()) {
            out.println(
                    snapshot.unverifiedBeats()
                            + " heartbeats did not verify with the keys given and are not shown.");
        }
    }
}
