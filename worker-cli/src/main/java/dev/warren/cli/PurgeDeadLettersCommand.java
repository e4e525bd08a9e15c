package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.QueueStats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "purge",
        mixinStandardHelpOptions = true,
        description = "Drops every dead letter of a queue, after confirmation unless --yes.")
final class PurgeDeadLettersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "QUEUE", description = "Logical queue name")
    String queue;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        String name = DeadLettersCommand.logicalQueue(queue);
        PrintWriter out = spec.commandLine().getOut();
        try (Broker broker = Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
            String dead = connection.names().deadLetterQueue(name);
            if (!yes) {
                int count = QueueStats.ofDeadLetters(broker, name).ready();
                out.print("Drop all " + count + " dead letters of " + dead + "? [y/N] ");
                out.flush();
                String answer =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                                .readLine();
                if (answer == null
                        || !(answer.strip().equalsIgnoreCase("y")
                                || answer.strip().equalsIgnoreCase("yes"))) {
                    out.println();
                    spec.commandLine()
                            .getErr()
                            .println(
                                    "warren-worker: not purged (no confirmation; --yes skips"
                                            + " the question)");
                    return 1;
                }
            }
            int purged = DeadLetters.of(broker).purge(name);
            out.println("purged " + purged + " dead letters from " + dead);
            out.flush();
            return 0;
        }
    }
}
