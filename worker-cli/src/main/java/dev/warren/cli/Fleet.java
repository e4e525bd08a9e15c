package dev.warren.cli;

import dev.warren.Broker;
import dev.warren.ops.QueueStats;
import dev.warren.ops.WorkerHeartbeat;
import dev.warren.ops.WorkerRoster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code status} and the dashboard show: the queues named by the workers' heartbeats and by
 * {@code --queue}, each looked up with a passive {@code queue.declare} (which works on any broker,
 * without the management plugin), and the live workers.
 *
 * <p>AMQP tells ready messages and consumers but not unacknowledged ones; those come from the
 * heartbeats, where each worker reports the messages it holds. A worker consuming several queues
 * reports one total, so its share per queue is unknown and the queue's figure is a lower bound
 * (shown with "+").
 */
final class Fleet {
    record QueueRow(
            String name,
            boolean exists,
            int ready,
            int unacked,
            boolean unackedExact,
            int consumers,
            int dead) {}

    record Snapshot(List<QueueRow> queues, List<WorkerHeartbeat> workers, long unverifiedBeats) {}

    private Fleet() {}

    static Snapshot snapshot(Broker broker, WorkerRoster roster, List<String> extraQueues) {
        List<WorkerHeartbeat> workers = roster.workers();
        TreeSet<String> names = new TreeSet<>(extraQueues);
        for (WorkerHeartbeat w : workers) {
            names.addAll(w.queues());
        }
        List<QueueRow> rows = new ArrayList<>();
        for (String name : names) {
            QueueStats work = QueueStats.ofWorkQueue(broker, name);
            QueueStats dead = QueueStats.ofDeadLetters(broker, name);
            int unacked = 0;
            boolean exact = true;
            for (WorkerHeartbeat w : workers) {
                if (!w.queues().contains(name)) {
                    continue;
                }
                if (w.queues().size() == 1) {
                    unacked += w.unacked();
                } else {
                    exact = false;
                }
            }
            rows.add(
                    new QueueRow(
                            name,
                            work.exists(),
                            work.ready(),
                            unacked,
                            exact,
                            work.consumers(),
                            dead.ready()));
        }
        return new Snapshot(rows, workers, roster.unverified());
    }

    static Map<String, Object> json(QueueRow q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", q.name());
        m.put("exists", q.exists());
        m.put("ready", q.ready());
        m.put("unacked", q.unacked());
        m.put("unackedExact", q.unackedExact());
        m.put("consumers", q.consumers());
        m.put("deadLettered", q.dead());
        return m;
    }

    static Map<String, Object> json(WorkerHeartbeat w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workerId", w.workerId());
        m.put("host", w.host());
        m.put("pid", w.pid());
        m.put("queues", w.queues());
        m.put("concurrency", w.concurrency());
        m.put("succeeded", w.succeeded());
        m.put("failed", w.failed());
        m.put("retried", w.retried());
        m.put("rejected", w.rejected());
        m.put("inFlight", w.inFlight());
        m.put("unacked", w.unacked());
        m.put("uptimeSeconds", w.uptime().toSeconds());
        m.put("lastSeen", w.sentAt());
        m.put("version", w.version());
        m.put("state", w.state());
        return m;
    }

    static Map<String, Object> json(Snapshot snapshot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queues", snapshot.queues().stream().map(Fleet::json).toList());
        m.put("workers", snapshot.workers().stream().map(Fleet::json).toList());
        m.put("unverifiedHeartbeats", snapshot.unverifiedBeats());
        return m;
    }

    static String uptime(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return (s / 60) + "m";
        }
        if (s < 172800) {
            return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
        }
        return (s / 86400) + "d" + ((s % 86400) / 3600) + "h";
    }
}
