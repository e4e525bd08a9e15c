package dev.warren.internal.replay;

import dev.warren.internal.wire.RejectReason;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the fleet took from one queue, and the decision a worker makes on a delivery from it. Pure:
 * the caller feeds it the log and the clock, and serialises calls.
 *
 * <p>A copy that the broker does not mark as redelivered is a replay whenever its attempt was
 * taken. A redelivered one is genuine only if the worker that took it gave it back or is gone (no
 * line in the log for {@code staleAfter}); while that worker looks alive the answer is to wait. A
 * task whose takers were all lost {@code deliveryLimit} times is refused: it kills its workers.
 *
 * <p>Memory is bounded: past {@code capacity} attempts the oldest are forgotten, and every task
 * older than the newest forgotten one is refused as expired, so a forgotten attempt cannot run
 * again.
 */
public final class FleetMemory {
    private final int capacity;
    private final int deliveryLimit;
    private final long staleAfterMillis;
    private final Map<TakenKey, Record> records = new LinkedHashMap<>();
    private final Map<String, Long> lastHeard;
    private long forgottenBefore = Long.MIN_VALUE;

    public FleetMemory(int capacity, int deliveryLimit, Duration staleAfter) {
        this.capacity = Math.max(1, capacity);
        this.deliveryLimit = deliveryLimit;
        this.staleAfterMillis = staleAfter.toMillis();
        this.lastHeard =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                        return size() > 10_000;
                    }
                };
    }

    private static final class Record {
        private LogEntry.Kind state = LogEntry.Kind.TAKEN;
        private String holder;
        private int takes;
        private int releases;
        private final long taskTimestamp;

        private Record(long taskTimestamp) {
            this.taskTimestamp = taskTimestamp;
        }
    }

    /** A batch from {@code worker} dated {@code sentAt}: it is alive, and these things happened. */
    public void heard(String worker, long sentAt, Iterable<LogEntry> entries) {
        lastHeard.merge(worker, sentAt, Math::max);
        for (LogEntry entry : entries) {
            apply(worker, entry);
        }
    }

    /** Decides on a delivery to {@code me}, recording the attempt as taken when it may run. */
    public ReplayVerdict decide(
            TakenKey key, long taskTimestamp, boolean redelivered, String me, long now) {
        if (taskTimestamp <= forgottenBefore) {
            return new ReplayVerdict.Refuse(
                    RejectReason.EXPIRED,
                    "task "
                            + key
                            + " is older than the replay memory reaches ("
                            + capacity
                            + " attempts); raise replayMemory to accept tasks this old");
        }
        Record record = records.get(key);
        if (record == null) {
            return take(key, taskTimestamp, me);
        }
        switch (record.state) {
            case SETTLED:
                return refuse(key, "was already finished by worker " + record.holder);
            case RELEASED:
                return redelivered
                        ? take(key, taskTimestamp, me)
                        : refuse(key, "was given back by " + record.holder + "; a copy came");
            default:
                break;
        }
        if (!redelivered) {
            return refuse(key, "is held by worker " + record.holder + "; a copy came");
        }
        if (me.equals(record.holder)) {
            return refuse(key, "is still running on this worker; a copy came");
        }
        long heard = lastHeard.getOrDefault(record.holder, Long.MIN_VALUE);
        if (heard > now - staleAfterMillis) {
            return new ReplayVerdict.Wait(heard + staleAfterMillis);
        }
        int lost = record.takes - record.releases;
        if (lost >= deliveryLimit) {
            return new ReplayVerdict.Refuse(
                    RejectReason.DELIVERY_LIMIT,
                    "task "
                            + key
                            + " was taken "
                            + lost
                            + " times by workers that stopped before finishing it (last "
                            + record.holder
                            + "); refused after "
                            + deliveryLimit);
        }
        return take(key, taskTimestamp, me);
    }

    /** This worker settled what it took: acknowledged, or given back to the queue. */
    public void settled(TakenKey key, boolean givenBack, String me) {
        apply(me, new LogEntry(givenBack ? LogEntry.Kind.RELEASED : LogEntry.Kind.SETTLED, key, 0));
    }

    /** Attempts remembered now. */
    public int size() {
        return records.size();
    }

    private ReplayVerdict take(TakenKey key, long taskTimestamp, String me) {
        apply(me, new LogEntry(LogEntry.Kind.TAKEN, key, taskTimestamp));
        return new ReplayVerdict.Take();
    }

    private static ReplayVerdict refuse(TakenKey key, String what) {
        return new ReplayVerdict.Refuse(
                RejectReason.REPLAYED, "task " + key + " " + what + ": refused as a replay");
    }

    private void apply(String worker, LogEntry entry) {
        Record record = records.get(entry.key());
        if (record == null) {
            if (entry.kind() != LogEntry.Kind.TAKEN) {
                return; // settled by a worker whose taking this memory never saw or forgot
            }
            record = new Record(entry.taskTimestamp());
            records.put(entry.key(), record);
            forgetOldest();
        }
        switch (entry.kind()) {
            case TAKEN -> {
                record.takes++;
                if (record.state != LogEntry.Kind.SETTLED) {
                    record.state = LogEntry.Kind.TAKEN;
                    record.holder = worker;
                }
            }
            case SETTLED -> {
                record.state = LogEntry.Kind.SETTLED;
                record.holder = worker;
            }
            case RELEASED -> {
                record.releases++;
                if (record.state == LogEntry.Kind.TAKEN && worker.equals(record.holder)) {
                    record.state = LogEntry.Kind.RELEASED;
                }
            }
        }
    }

    private void forgetOldest() {
        while (records.size() > capacity) {
            var eldest = records.entrySet().iterator();
            Record forgotten = eldest.next().getValue();
            forgottenBefore = Math.max(forgottenBefore, forgotten.taskTimestamp);
            eldest.remove();
        }
    }
}
