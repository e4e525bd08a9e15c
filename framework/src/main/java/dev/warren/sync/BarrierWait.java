package dev.warren.sync;

import dev.warren.sync.BarrierRules.Kind;
import dev.warren.sync.BarrierRules.Verdict;
import dev.warren.sync.BarrierWire.News;
import java.time.Duration;

/**
 * One party waiting in one generation, after its arrival: it returns on that generation's trip and
 * throws on its break, and decides (through the state, so every party agrees) what a party gone,
 * its own timeout and the loss of its own connection mean.
 */
final class BarrierWait {
    private final DistributedBarrier barrier;
    private final BarrierParty here;
    private final long generation;
    private final int index;

    BarrierWait(DistributedBarrier barrier, BarrierParty here, long generation, int index) {
        this.barrier = barrier;
        this.here = here;
        this.generation = generation;
        this.index = index;
    }

    /** The index once tripped; {@code deadline} null waits for ever. */
    int until(Deadline deadline, Duration timeout) {
        while (true) {
            long left = deadline == null ? Long.MAX_VALUE : deadline.nanosLeft();
            BarrierParty.Heard heard = left > 0 ? here.next(left) : null;
            if (heard == null) {
                String reason =
                        "a party on "
                                + barrier.host()
                                + " timed out after "
                                + SyncFailures.humanize(timeout)
                                + " before all parties arrived";
                return barrier.conclude(
                        barrier.write(s -> BarrierRules.giveUp(s, generation, reason)), index);
            }
            if (heard.cut() != null) {
                return afterLoss(heard.cut());
            }
            Verdict verdict = hear(heard.news());
            if (verdict.kind() != Kind.WAITING) {
                return barrier.conclude(verdict, index);
            }
        }
    }

    private Verdict hear(News news) {
        boolean mine = news.generation() == generation;
        return switch (news.kind()) {
            case BarrierWire.TRIPPED ->
                    mine ? new Verdict(Kind.TRIPPED, generation, index, null) : waiting();
            case BarrierWire.BROKEN ->
                    mine ? new Verdict(Kind.BROKEN, generation, -1, news.reason()) : waiting();
            case BarrierWire.GONE -> {
                String reason =
                        "a party on "
                                + news.host()
                                + " died (its connection to the broker closed) before the"
                                + " barrier tripped";
                yield barrier.write(
                        s -> BarrierRules.partyGone(s, generation, news.party(), reason));
            }
            default -> waiting();
        };
    }

    private Verdict waiting() {
        return new Verdict(Kind.WAITING, generation, index, null);
    }

    /**
     * This party's connection was lost while it waited: the generation breaks (the others hear of
     * it from this party's presence notice too), unless it tripped first. Which one happened is
     * read once the coordinator is connected again.
     */
    private int afterLoss(String cause) {
        String reason =
                "a party on "
                        + barrier.host()
                        + " lost its connection to the broker ("
                        + cause
                        + ") before the barrier tripped";
        Verdict verdict;
        try {
            verdict = barrier.write(s -> BarrierRules.giveUp(s, generation, reason));
        } catch (CoordinationException e) {
            throw barrier.broken(
                    "this process lost its connection to the broker while waiting ("
                            + cause
                            + "), and could not learn whether the barrier tripped first: "
                            + e.getMessage());
        }
        if (verdict.kind() == Kind.TRIPPED) {
            return index;
        }
        throw barrier.broken(
                "this process lost its connection to the broker while waiting ("
                        + cause
                        + "): "
                        + verdict.reason());
    }

    /**
     * A wait ended by an interrupt or a failure breaks its generation for the others, as a death
     * would; its notice goes back too, in case the write cannot be made.
     */
    static void abandon(
            DistributedBarrier barrier,
            BarrierParty here,
            long generation,
            RuntimeException cause) {
        boolean interrupted = Thread.interrupted(); // an interrupted thread cannot talk to RabbitMQ
        try {
            if (generation >= 0) {
                long open = generation;
                String reason =
                        "a party on "
                                + barrier.host()
                                + " stopped waiting ("
                                + cause.getMessage()
                                + ")";
                barrier.write(s -> BarrierRules.giveUp(s, open, reason));
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            here.leave(false);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
