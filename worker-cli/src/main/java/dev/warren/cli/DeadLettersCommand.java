package dev.warren.cli;

import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.ops.DeadLetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
            ListDeadLettersCommand.class,
            RetryDeadLettersCommand.class,
            PurgeDeadLettersCommand.class
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

    /**
     * Accepts "primes", "warren.primes", "warren@acme.primes" and "warren.primes.dead" for the
     * logical queue primes.
     */
    static String logicalQueue(String given) {
        String name = BROKER_PREFIX.matcher(given).replaceFirst("");
        if (name.endsWith(".dead")) {
            name = name.substring(0, name.length() - ".dead".length());
        }
        return TaskDefinition.checkQueueName(name);
    }

    private static final java.util.regex.Pattern BROKER_PREFIX =
            java.util.regex.Pattern.compile("^warren(@[^.]+)?\\.");

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
        m.put("contentVerified", d.contentVerified());
        m.put("worker", d.worker());
        m.put("retryable", d.retryable());
        m.put("retryRefusal", d.retryRefusal());
        return m;
    }

    /** What a listing adds to a reason when the letter, or what it holds, is not verified. */
    static String marked(DeadLetter d) {
        if (!d.verified()) {
            return d.reason() + " (unverified letter)";
        }
        return d.contentVerified() ? d.reason() : d.reason() + " (content unverified)";
    }

    static String simple(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }

    static String clip(String text, int max) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
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
}
