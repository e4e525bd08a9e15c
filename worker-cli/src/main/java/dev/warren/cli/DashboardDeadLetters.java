package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.WarrenException;
import dev.warren.internal.text.SafeText;
import dev.warren.ops.DeadLetter;
import dev.warren.ops.DeadLetters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dashboard's dead-letter actions: list (cached, newest first, with their stack traces), retry
 * and purge.
 */
final class DashboardDeadLetters {
    /** The first this many of each queue (its oldest) are read for the list. */
    static final int READ_PER_QUEUE = 200;

    /** The newest this many of those are shown. */
    static final int SHOWN = 100;

    private static final long FAILURES_CACHE_MILLIS = 3000;

    private final Broker broker;
    private final Duration retryMaxAge;
    private final Supplier<Fleet.Snapshot> fleet;
    private final Object failuresLock = new Object();
    private List<Map<String, Object>> failures = List.of(); // guarded by failuresLock
    private long failuresAt; // guarded by failuresLock

    DashboardDeadLetters(Broker broker, Duration retryMaxAge, Supplier<Fleet.Snapshot> fleet) {
        this.broker = broker;
        this.retryMaxAge = retryMaxAge;
        this.fleet = fleet;
    }

    /**
     * Dead letters are read at most every few seconds: each look takes them off the queue briefly.
     */
    List<Map<String, Object>> list() {
        synchronized (failuresLock) {
            if (System.currentTimeMillis() - failuresAt < FAILURES_CACHE_MILLIS) {
                return failures;
            }
            Fleet.Snapshot snapshot = fleet.get();
            List<Map<String, Object>> found = new ArrayList<>();
            for (Fleet.QueueRow q : snapshot.queues()) {
                if (q.dead() == 0) {
                    continue;
                }
                for (DeadLetter.Detail d :
                        DeadLetters.of(broker, retryMaxAge).inspect(q.name(), READ_PER_QUEUE)) {
                    found.add(json(q.name(), d));
                }
            }
            found.sort(
                    Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("deadAt"))
                            .reversed());
            failures = List.copyOf(found.subList(0, Math.min(SHOWN, found.size())));
            failuresAt = System.currentTimeMillis();
            return failures;
        }
    }

    /** One dead letter for the page: everything it says, escaped, with its stack trace. */
    static Map<String, Object> json(String queue, DeadLetter.Detail detail) {
        DeadLetter d = detail.letter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue", queue);
        m.putAll(shown(DeadLettersCommand.json(d)));
        // cut from the whole name, not from the escaped one: a cut ends in dots too
        m.put("simpleType", SafeText.of(DeadLettersCommand.simple(d.type())));
        m.put("exceptionType", SafeText.of(detail.exceptionType()));
        m.put("exceptionMessage", SafeText.of(detail.exceptionMessage()));
        m.put("stackTrace", StackTraceText.of(detail.stackTrace()));
        return m;
    }

    /**
     * Whoever can publish chose these strings: the page gets them escaped and cut short, as a
     * terminal does, and names a dead letter by its id as shown.
     */
    private static Map<String, Object> shown(Map<String, Object> letter) {
        Map<String, Object> shown = new LinkedHashMap<>();
        letter.forEach(
                (key, value) -> shown.put(key, value instanceof String s ? SafeText.of(s) : value));
        return shown;
    }

    static String shownId(DeadLetter d) {
        return SafeText.of(d.id());
    }

    private void forgetFailures() {
        synchronized (failuresLock) {
            failuresAt = 0;
        }
    }

    String retry(Map<String, String> form) {
        String queue = DeadLettersCommand.logicalQueue(required(form, "queue"));
        String id = form.get("id");
        boolean all = "true".equals(form.get("all"));
        if (id == null && !all) {
            throw new WarrenException("say which dead letter: id=... or all=true");
        }
        DeadLetters.RetryReport report =
                DeadLetters.of(broker, retryMaxAge).retry(queue, d -> all || shownId(d).equals(id));
        forgetFailures();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "retried",
                report.retried().stream().map(DeadLetters.Retried::deadLetterId).toList());
        result.put(
                "refused", report.refused().stream().map(DashboardDeadLetters::refusal).toList());
        result.put("left", report.left());
        return JsonText.of(result);
    }

    private static Map<String, Object> refusal(DeadLetters.Refused refused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", refused.letter().id());
        m.put("reason", refused.letter().reason());
        m.put("why", refused.why());
        return m;
    }

    String purge(Map<String, String> form) {
        String queue = DeadLettersCommand.logicalQueue(required(form, "queue"));
        int purged = DeadLetters.of(broker).purge(queue);
        forgetFailures();
        return JsonText.of(Map.of("purged", purged));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new WarrenException("missing parameter " + name);
        }
        return value;
    }
}
