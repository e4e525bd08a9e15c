package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.internal.text.SafeText;
import dev.warren.internal.transport.Topology;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.io.PrintWriter;
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
            "Sends dead letters back to the work queue: re-signed with the first key given,"
                    + " attempt 1, due now, as a new task id (the old one is kept in the"
                    + " x-warren-retry-of header).",
            "Dead letters whose original signature does not verify with the keys given"
                    + " (e.g. reason BAD_SIGNATURE) are refused unless --force."
        })
final class RetryDeadLettersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "QUEUE", description = "Logical queue name")
    String queue;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DeadLettersCommand.Selection selection;

    @Option(
            names = "--force",
            description =
                    "Also retry dead letters whose signature does not verify (you vouch for"
                            + " their content by re-signing it)")
    boolean force;

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
                    DeadLetters.of(broker)
                            .retry(
                                    name,
                                    d -> {
                                        if (selection.all || wanted.contains(d.id())) {
                                            found.add(d.id());
                                            return true;
                                        }
                                        return false;
                                    },
                                    force);
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
                            + Topology.workQueue(name));
        }
        for (DeadLetter d : report.refused()) {
            err.println(
                    "warren-worker: refused "
                            + SafeText.of(d.id())
                            + " ("
                            + SafeText.of(DeadLettersCommand.simple(d.type()))
                            + "): its signature does not verify with the keys given ("
                            + SafeText.of(DeadLettersCommand.clip(d.signatureProblem(), 160))
                            + "); --force retries it anyway");
        }
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(found);
        for (String id : missing) {
            err.println(
                    "warren-worker: no dead letter with id "
                            + SafeText.of(id)
                            + " in "
                            + Topology.deadLetterQueue(name));
        }
        out.println(
                report.retried().size()
                        + " retried, "
                        + report.refused().size()
                        + " refused, "
                        + report.left()
                        + " left in "
                        + Topology.deadLetterQueue(name));
        out.flush();
        err.flush();
        return report.refused().isEmpty() && missing.isEmpty() ? 0 : 1;
    }
}
