package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = {
            "Sends dead letters back to the work queue: the task the worker verified, re-signed"
                    + " with the first key given, attempt 1, due now, as a new task id (the old"
                    + " one is kept in the x-warren-retry-of header).",
            "Only a dead letter sealed by a worker (its signature verifies with the keys given),"
                    + " about a task that was verified and then failed (FAILED, or WORKER_ERROR"
                    + " after admission), and dead-lettered less than --max-age ago, is retried."
                    + " Letters never verified (BAD_SIGNATURE, UNKNOWN_KEY, UNDECODABLE, ...),"
                    + " refused as possible replays (EXPIRED, REPLAYED), forged or too old stay"
                    + " where they are, each with the reason printed.",
            "There is no --force: nothing re-signs content nobody verified. Resubmit such a task"
                    + " from the application that made it, if you trust it."
        })
final class RetryDeadLettersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "QUEUE", description = "Logical queue name")
    String queue;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DeadLettersCommand.Selection selection;

    @Option(
            names = "--max-age",
            paramLabel = "AGE",
            defaultValue = "7d",
            converter = RetryAge.class,
            description =
                    "Retry only letters dead-lettered less than AGE ago: 7d, 36h, 90m, 600s"
                            + " (default: ${DEFAULT-VALUE})")
    Duration maxAge;

    @Override
    public Integer call() {
        String name = DeadLettersCommand.logicalQueue(queue);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> wanted = selection.all ? Set.of() : new LinkedHashSet<>(selection.ids);
        Set<String> found = new LinkedHashSet<>();
        DeadLetters.RetryReport report;
        try (Broker broker = Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
            report =
                    DeadLetters.of(broker, maxAge)
                            .retry(
                                    name,
                                    d -> {
                                        if (selection.all || wanted.contains(d.id())) {
                                            found.add(d.id());
                                            return true;
                                        }
                                        return false;
                                    });
        }
        for (DeadLetters.Retried r : report.retried()) {
            out.println(
                    "retried "
                            + SafeText.of(r.deadLetterId())
                            + " ("
                            + SafeText.of(DeadLettersCommand.simple(r.type()))
                            + ") as task "
                            + r.taskId()
                            + " on "
                            + connection.names().workQueue(name));
        }
        for (DeadLetters.Refused r : report.refused()) {
            DeadLetter d = r.letter();
            err.println(
                    "warren-worker: not retried "
                            + SafeText.of(d.id())
                            + " ("
                            + SafeText.of(DeadLettersCommand.simple(d.type()))
                            + ", "
                            + SafeText.of(DeadLettersCommand.clip(d.reason(), 40))
                            + "): "
                            + SafeText.of(r.why(), 320));
        }
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(found);
        for (String id : missing) {
            err.println(
                    "warren-worker: no dead letter with id "
                            + SafeText.of(id)
                            + " in "
                            + connection.names().deadLetterQueue(name));
        }
        out.println(
                report.retried().size()
                        + " retried, "
                        + report.refused().size()
                        + " refused, "
                        + report.left()
                        + " left in "
                        + connection.names().deadLetterQueue(name));
        out.flush();
        err.flush();
        return report.refused().isEmpty() && missing.isEmpty() ? 0 : 1;
    }
}
