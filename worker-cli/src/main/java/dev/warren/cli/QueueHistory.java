package dev.warren.cli;

import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerHeartbeat.QueueActivity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's charts, per queue: a sample every few seconds of the queue's depth, its rates and
 * its workers' run times, in a bounded ring. Rates come from the workers' heartbeats (deliveries
 * and finished tasks per second, each worker's counts over the time between its own beats, summed)
 * and from the broker's ready count: publishes per second = change in ready + deliveries. Workers
 * that beat slower than the console samples keep their last rate until their next beat.
 *
 * <p>Pure: the sampler feeds it readings; time is the reading's.
 */
final class QueueHistory {
    /**
     * One point of a queue's charts.
     *
     * @param p50Millis runs-weighted mean of the workers' medians, null without runs
     * @param p99Millis the highest of the workers' 99th percentiles, null without runs
     */
    record Sample(
            long at,
            int ready,
            int unacked,
            int consumers,
            double publishPerSecond,
            double deliverPerSecond,
            double ackPerSecond,
            Double p50Millis,
            Double p99Millis) {}

    /** A worker's counts on one queue at its latest beat, and the rates they gave. */
    private record Beat(long sentAt, long delivered, long finished, double deliver, double ack) {}

    private record Depth(long at, int ready) {}

    private final int capacity;
    private final Map<String, SampleRing<Sample>> rings = new TreeMap<>();
    private final Map<String, Beat> beats = new HashMap<>(); // key: queue + " " + workerId
    private final Map<String, Depth> depths = new HashMap<>();

    QueueHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Adds one sample per queue in {@code queues}, and forgets the queues not in it. */
    void record(long at, List<Fleet.QueueRow> queues, List<WorkerHeartbeat> workers) {
        Set<String> names = new HashSet<>();
        for (Fleet.QueueRow q : queues) {
            names.add(q.name());
            rings.computeIfAbsent(q.name(), n -> new SampleRing<>(capacity))
                    .add(sample(at, q, workers));
        }
        rings.keySet().retainAll(names);
        depths.keySet().retainAll(names);
        beats.keySet().removeIf(key -> !names.contains(key.substring(0, key.indexOf(' '))));
    }

    private Sample sample(long at, Fleet.QueueRow q, List<WorkerHeartbeat> workers) {
        double deliver = 0;
        double ack = 0;
        long runs = 0;
        double weightedP50 = 0;
        double p99 = 0;
        for (WorkerHeartbeat w : workers) {
            QueueActivity a = w.activity().get(q.name());
            if (a == null) {
                continue;
            }
            Beat beat = beat(q.name() + " " + w.workerId(), w.sentAt(), a);
            deliver += beat.deliver();
            ack += beat.ack();
            if (a.runs() > 0) {
                runs += a.runs();
                weightedP50 += a.runP50Millis() * a.runs();
                p99 = Math.max(p99, a.runP99Millis());
            }
        }
        Depth before = depths.put(q.name(), new Depth(at, q.ready()));
        double publish = 0;
        if (before != null && at > before.at()) {
            double readyChange = (q.ready() - before.ready()) * 1000.0 / (at - before.at());
            publish = Math.max(0, readyChange + deliver);
        }
        return new Sample(
                at,
                q.ready(),
                q.unacked(),
                q.consumers(),
                round(publish),
                round(deliver),
                round(ack),
                runs == 0 ? null : round(weightedP50 / runs),
                runs == 0 ? null : round(p99));
    }

    /** A worker's rates from its previous beat to this one; the same beat keeps its rates. */
    private Beat beat(String key, long sentAt, QueueActivity a) {
        Beat before = beats.get(key);
        Beat now;
        if (before == null) {
            now = new Beat(sentAt, a.delivered(), a.finished(), 0, 0);
        } else if (sentAt <= before.sentAt()) {
            return before;
        } else {
            double seconds = (sentAt - before.sentAt()) / 1000.0;
            now =
                    new Beat(
                            sentAt,
                            a.delivered(),
                            a.finished(),
                            Math.max(0, a.delivered() - before.delivered()) / seconds,
                            Math.max(0, a.finished() - before.finished()) / seconds);
        }
        beats.put(key, now);
        return now;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Each queue's samples, oldest first. */
    Map<String, List<Sample>> samples() {
        Map<String, List<Sample>> all = new LinkedHashMap<>();
        rings.forEach((name, ring) -> all.put(name, ring.samples()));
        return all;
    }
}
