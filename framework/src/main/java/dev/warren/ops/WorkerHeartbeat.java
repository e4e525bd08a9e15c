package dev.warren.ops;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one worker says about itself every few seconds on the fanout exchange {@code
 * warren.heartbeats} ({@code warren@<namespace>.heartbeats} in a namespace). Signed like a task, so
 * a reader with the keys knows a worker of its own sent it. On the wire it is a map of strings
 * (Kryo, built-in types only), so readers need no registrations and newer workers may add fields.
 *
 * <pre>{@code
 * for (WorkerHeartbeat w : WorkerRoster.collect(broker, Duration.ofSeconds(6))) {
 *     System.out.println(w.host() + ":" + w.pid() + " " + w.queues() + " " + w.inFlight());
 * }
 * }</pre>
 *
 * @param workerId random id of this worker, new each start
 * @param host host name
 * @param pid process id
 * @param queues logical queues consumed
 * @param concurrency task threads
 * @param succeeded tasks that returned a result
 * @param failed tasks that failed for good
 * @param retried failed attempts sent to a retry
 * @param rejected messages refused (bad signature, replay, ...)
 * @param inFlight tasks running now
 * @param unacked messages delivered to it and not yet acknowledged (running plus prefetched)
 * @param startedAt when the worker started, milliseconds since the epoch
 * @param sentAt when this beat was sent, milliseconds since the epoch
 * @param interval how often it beats; a worker silent for three intervals is gone
 * @param version Warren version of the worker
 * @param state {@value #RUNNING} or {@value #STOPPING} (its last beat)
 * @param activity per queue, what it did there (empty from workers older than this field)
 */
public record WorkerHeartbeat(
        String workerId,
        String host,
        long pid,
        List<String> queues,
        int concurrency,
        long succeeded,
        long failed,
        long retried,
        long rejected,
        int inFlight,
        int unacked,
        long startedAt,
        long sentAt,
        Duration interval,
        String version,
        String state,
        Map<String, QueueActivity> activity) {

    /** The AMQP type of a heartbeat message. */
    public static final String TYPE = "warren.heartbeat";

    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";

    /** The wire key prefix of a queue's {@link QueueActivity}: {@code activity.<queue>}. */
    static final String ACTIVITY = "activity.";

    public WorkerHeartbeat {
        queues = List.copyOf(queues);
        activity = Map.copyOf(activity);
    }

    public Duration uptime() {
        return Duration.ofMillis(Math.max(0, sentAt - startedAt));
    }

    /** Whether a beat this old at {@code now} still means the worker is alive. */
    public boolean isFresh(long now) {
        return now - sentAt <= 3 * interval.toMillis() + 1000;
    }

    /** The wire form. */
    public LinkedHashMap<String, String> toMap() {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        map.put("workerId", workerId);
        map.put("host", host);
        map.put("pid", Long.toString(pid));
        map.put("queues", String.join(",", queues));
        map.put("concurrency", Integer.toString(concurrency));
        map.put("succeeded", Long.toString(succeeded));
        map.put("failed", Long.toString(failed));
        map.put("retried", Long.toString(retried));
        map.put("rejected", Long.toString(rejected));
        map.put("inFlight", Integer.toString(inFlight));
        map.put("unacked", Integer.toString(unacked));
        map.put("startedAt", Long.toString(startedAt));
        map.put("sentAt", Long.toString(sentAt));
        map.put("intervalMillis", Long.toString(interval.toMillis()));
        map.put("version", version);
        map.put("state", state);
        new TreeMap<>(activity).forEach((queue, a) -> map.put(ACTIVITY + queue, a.toWire()));
        return map;
    }

    /**
     * Reads the wire form; missing numbers are 0.
     *
     * @throws IllegalArgumentException if it has no worker id
     */
    public static WorkerHeartbeat fromMap(Map<?, ?> map) {
        String id = text(map, "workerId");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a heartbeat without workerId");
        }
        String queues = text(map, "queues");
        return new WorkerHeartbeat(
                id,
                text(map, "host"),
                number(map, "pid"),
                queues.isEmpty() ? List.of() : Arrays.asList(queues.split(",")),
                (int) number(map, "concurrency"),
                number(map, "succeeded"),
                number(map, "failed"),
                number(map, "retried"),
                number(map, "rejected"),
                (int) number(map, "inFlight"),
                (int) number(map, "unacked"),
                number(map, "startedAt"),
                number(map, "sentAt"),
                Duration.ofMillis(Math.max(1000, number(map, "intervalMillis"))),
                text(map, "version"),
                text(map, "state").isEmpty() ? RUNNING : text(map, "state"),
                activity(map));
    }

    /**
     * Older workers send none; a malformed entry is left out, the rest of the beat still counts.
     */
    private static Map<String, QueueActivity> activity(Map<?, ?> map) {
        Map<String, QueueActivity> activity = new LinkedHashMap<>();
        map.forEach(
                (key, value) -> {
                    String name = String.valueOf(key);
                    if (name.startsWith(ACTIVITY) && value != null) {
                        try {
                            activity.put(
                                    name.substring(ACTIVITY.length()),
                                    QueueActivity.fromWire(value.toString()));
                        } catch (IllegalArgumentException e) {
                            // a newer or broken form: this queue's activity is unknown
                        }
                    }
                });
        return activity;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<?, ?> map, String key) {
        try {
            return Long.parseLong(text(map, key));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What one worker did on one of its queues, as its heartbeat reports it: running totals since
     * it started, and the run times of the tasks whose run ended in the last ten seconds.
     *
     * <pre>{@code
     * QueueActivity a = beat.activity().get("primes");
     * System.out.println(a.finished() + " done, p99 " + a.runP99Millis() + " ms");
     * }</pre>
     *
     * @param delivered messages the broker delivered to it from this queue since it started
     * @param finished of those, the ones it is done with (run or refused, outcome handed to the
     *     broker)
     * @param runs tasks whose run ended in the last ten seconds (at most the latest 4,096 are kept)
     * @param runP50Millis median run time of those, in milliseconds (0 when {@code runs} is 0)
     * @param runP99Millis 99th percentile of those, in milliseconds (0 when {@code runs} is 0)
     */
    public record QueueActivity(
            long delivered, long finished, long runs, double runP50Millis, double runP99Millis) {

        /** The heartbeat's form: five numbers separated by spaces. */
        String toWire() {
            return delivered
                    + " "
                    + finished
                    + " "
                    + runs
                    + " "
                    + runP50Millis
                    + " "
                    + runP99Millis;
        }

        /**
         * Reads {@link #toWire()}'s form.
         *
         * @throws IllegalArgumentException if it is not five numbers
         */
        static QueueActivity fromWire(String text) {
            String[] parts = text.trim().split(" ");
            if (parts.length != 5) {
                throw new IllegalArgumentException("queue activity is five numbers, not: " + text);
            }
            try {
                return new QueueActivity(
                        Long.parseLong(parts[0]),
                        Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]),
                        Double.parseDouble(parts[3]),
                        Double.parseDouble(parts[4]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "queue activity is five numbers, not: " + text, e);
            }
        }
    }
}
