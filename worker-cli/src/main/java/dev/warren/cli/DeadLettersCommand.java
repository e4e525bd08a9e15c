package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.transport.Topology;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import dev.warren.ops.QueueStats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warren-worker dead-letters list|retry|purge QUEUE}. */
@Command(
        name = "dead-letters",
        mixinStandardHelpOptions = true,
        description = {
            "Looks at, retries or drops the dead letters of a queue (warren.<QUEUE>.dead).",
            "QUEUE is the logical name, as in --queue (warren.<QUEUE>.dead is accepted too)."
        },
        subcommands = {
            DeadLettersCommand.ListLetters.class,
            DeadLettersCommand.RetryLetters.class,
            DeadLettersCommand.PurgeLetters.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:runtime failure (broker unreachable, no such queue, dead letters refused or not"
                    + " found, purge not confirmed)",
            "2:wrong usage or configuration"
        })
final class DeadLettersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say what to do: list, retry or purge");
    }

    /** Accepts "primes", "warren.primes" and "warren.primes.dead" for the logical queue primes. */
    static String logicalQueue(String given) {
        String name = given;
        if (name.startsWith("warren.")) {
            name = name.substring("warren.".length());
        }
        if (name.endsWith(".dead")) {
            name = name.substring(0, name.length() - ".dead".length());
        }
        return TaskDefinition.checkQueueName(name);
    }

    static Map<String, Object> json(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("type", d.type());
        m.put("attempt", d.attempt());
        m.put("reason", d.reason());
        m.put("detail", d.detail());
        m.put("lastError", d.lastErrorLine());
        m.put("deadAt", d.deadAt());
        m.put("verified", d.verified());
        m.put("signatureProblem", d.signatureProblem());
        return m;
    }

    static String simple(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }

    static String clip(String text, int max) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists dead letters, oldest first: id, type, attempt, reason, error.",
                "They stay where they are (read unacknowledged on one channel, then given back)."
            })
    static final class ListLetters implements Callable<Integer> {
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
            String name = logicalQueue(queue);
            PrintWriter out = spec.commandLine().getOut();
            List<DeadLetter> letters;
            try (Broker broker =
                    Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
                letters = DeadLetters.of(broker).list(name, Math.max(1, max));
            }
            if (json) {
                out.println(JsonText.of(letters.stream().map(DeadLettersCommand::json).toList()));
                out.flush();
                return 0;
            }
            if (letters.isEmpty()) {
                out.println("No dead letters in " + Topology.deadLetterQueue(name) + ".");
                out.flush();
                return 0;
            }
            TextTable table = new TextTable("ID", "TYPE", "ATTEMPT", "REASON", "DEAD AT", "ERROR");
            for (DeadLetter d : letters) {
                String error = d.lastErrorLine().isEmpty() ? d.detail() : d.lastErrorLine();
                table.row(
                        d.id(),
                        simple(d.type()),
                        d.attempt(),
                        d.reason() + (d.verified() ? "" : " (signature does not verify)"),
                        d.deadAt() == 0 ? "-" : Instant.ofEpochMilli(d.deadAt()).toString(),
                        clip(error, 100));
            }
            table.print(out);
            out.println(letters.size() + " dead letters in " + Topology.deadLetterQueue(name));
            long unverified = letters.stream().filter(d -> !d.verified()).count();
            if (unverified == letters.size()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "warren-worker: none of them verifies with the keys given ("
                                        + letters.get(0).signatureProblem()
                                        + "): tampered messages, or a wrong --key-file?");
            }
            out.flush();
            return 0;
        }
    }

    /** Exactly one of --id (repeatable) or --all. */
    static final class Selection {
        @Option(
                names = "--id",
                paramLabel = "ID",
                required = true,
                description = "Task id of a dead letter (repeatable)")
        List<String> ids;

        @Option(names = "--all", required = true, description = "Every dead letter of the queue")
        boolean all;
    }

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
    static final class RetryLetters implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ConnectionOptions connection = new ConnectionOptions();

        @Parameters(index = "0", paramLabel = "QUEUE", description = "Logical queue name")
        String queue;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        @Option(
                names = "--force",
                description =
                        "Also retry dead letters whose signature does not verify (you vouch for"
                                + " their content by re-signing it)")
        boolean force;

        @Override
        public Integer call() {
            String name = logicalQueue(queue);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Set<String> wanted = selection.all ? Set.of() : new LinkedHashSet<>(selection.ids);
            Set<String> found = new LinkedHashSet<>();
            DeadLetters.RetryReport report;
            try (Broker broker =
                    Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
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
                                + r.deadLetterId()
                                + " ("
                                + simple(r.type())
                                + ") as task "
                                + r.taskId()
                                + " on "
                                + Topology.workQueue(name));
            }
            for (DeadLetter d : report.refused()) {
                err.println(
                        "warren-worker: refused "
                                + d.id()
                                + " ("
                                + simple(d.type())
                                + "): its signature does not verify with the keys given ("
                                + clip(d.signatureProblem(), 160)
                                + "); --force retries it anyway");
            }
            List<String> missing = new ArrayList<>(wanted);
            missing.removeAll(found);
            for (String id : missing) {
                err.println(
                        "warren-worker: no dead letter with id "
                                + id
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

    @Command(
            name = "purge",
            mixinStandardHelpOptions = true,
            description = "Drops every dead letter of a queue, after confirmation unless --yes.")
    static final class PurgeLetters implements Callable<Integer> {
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
            String name = logicalQueue(queue);
            String dead = Topology.deadLetterQueue(name);
            PrintWriter out = spec.commandLine().getOut();
            try (Broker broker =
                    Broker.connect(connection.config(List.of(), "warren-dead-letters"))) {
                if (!yes) {
                    int count = QueueStats.ofDeadLetters(broker, name).ready();
                    out.print("Drop all " + count + " dead letters of " + dead + "? [y/N] ");
                    out.flush();
                    String answer =
                            new BufferedReader(
                                            new InputStreamReader(
                                                    System.in, StandardCharsets.UTF_8))
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
}
