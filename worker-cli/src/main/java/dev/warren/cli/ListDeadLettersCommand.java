package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists dead letters, oldest first: id, type, attempt, reason, error, and whether retry"
                    + " would send each back (RETRY: yes, or no and why with --json).",
            "A reason marked (unverified letter) is only what the message claims: its worker seal"
                    + " does not verify with the keys given. One marked (content unverified) was"
                    + " sealed by a worker that could not verify the original message.",
            "They stay where they are (read unacknowledged on one channel, then given back)."
        })
final class ListDeadLettersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "QUEUE", description = "Logical queue name")
    String queue;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "100",
            description = "Show at most N (default: ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--json", description = "Print JSON, for scripts")
    boolean json;

    @Override
    public Integer call() {
        String name = DeadLettersCommand.logicalQueue(queue);
        PrintWriter out = spec.commandLine().getOut();
        List<DeadLetter> letters;
        try (Broker broker = Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
            letters = DeadLetters.of(broker).list(name, Math.max(1, max));
        }
        if (json) {
            out.println(JsonText.of(letters.stream().map(DeadLettersCommand::json).toList()));
            out.flush();
            return 0;
        }
        if (letters.isEmpty()) {
            out.println("No dead letters in " + connection.names().deadLetterQueue(name) + ".");
            out.flush();
            return 0;
        }
        TextTable table =
                new TextTable("ID", "TYPE", "ATTEMPT", "REASON", "DEAD AT", "RETRY", "ERROR");
        for (DeadLetter d : letters) {
            String error = d.lastErrorLine().isEmpty() ? d.detail() : d.lastErrorLine();
            table.row(
                    d.id(),
                    DeadLettersCommand.simple(d.type()),
                    d.attempt(),
                    DeadLettersCommand.marked(d),
                    d.deadAt() == 0 ? "-" : Instant.ofEpochMilli(d.deadAt()).toString(),
                    d.retryable() ? "yes" : "no",
                    DeadLettersCommand.clip(error, 100));
        }
        table.print(out);
        out.println(
                letters.size() + " dead letters in " + connection.names().deadLetterQueue(name));
        long unverified = letters.stream().filter(d -> !d.verified()).count();
        if (unverified == letters.size()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "warren-worker: no dead letter's seal verifies with the keys given ("
                                    + SafeText.of(letters.get(0).signatureProblem())
                                    + "): tampered messages, or a wrong --key-file?");
        }
        out.flush();
        return 0;
    }
}
