package dev.warren.sync;

import dev.warren.ConfigurationException;
import dev.warren.sync.BarrierWire.State;
import java.util.Arrays;

/**
 * The decisions of a {@link DistributedBarrier}, as pure functions from the state read to the state
 * to write: a generation trips only when its own arrivals reach the barrier's parties, breaks once
 * and stays broken until reset, and every party learns how its generation ended from the state
 * alone.
 */
final class BarrierRules {
    /** How many ended generations the state remembers, for waiters that learn late. */
    static final int ENDED_KEPT = 32;

    private static final String[] NONE = new String[0];

    private BarrierRules() {}

    /** How a party's generation stands. */
    enum Kind {
        WAITING,
        TRIPPED,
        BROKEN,
        /** Ended so long ago the state forgot, or the barrier was made anew. */
        UNKNOWN
    }

    /**
     * @param index the party's arrival index (parties - 1 for the first, 0 for the last), or -1
     * @param reason why it broke, for {@link Kind#BROKEN} and {@link Kind#UNKNOWN}
     * @param tellWaiters whether this very step tripped or broke the generation: its waiters must
     *     hear
     */
    record Verdict(Kind kind, long generation, int index, String reason, boolean tellWaiters) {
        Verdict(Kind kind, long generation, int index, String reason) {
            this(kind, generation, index, reason, false);
        }
    }

    /** The state to write (the one read when nothing changes) and what it means for the caller. */
    record Step(State next, Verdict verdict) {}

    static State initial(String incarnation, int parties) {
        return new State(incarnation, parties, 0, 0, NONE, NONE, null, new long[0], NONE);
    }

    /**
     * One party arrives. The last of {@code parties} trips the generation (index 0); an earlier one
     * waits with its index; in a broken generation it is refused.
     *
     * @throws ConfigurationException when the barrier on the broker has another number of parties
     */
    static Step arrive(State s, int parties, String party, String host, String primitive) {
        checkParties(s, parties, primitive);
        if (s.brokenReason() != null) {
            return new Step(s, broken(s.generation(), s.brokenReason()));
        }
        int position = s.arrivals().length;
        String[] arrivals = append(s.arrivals(), party);
        String[] hosts = append(s.hosts(), host);
        if (arrivals.length < s.parties()) {
            State next =
                    new State(
                            s.incarnation(),
                            s.parties(),
                            s.version(),
                            s.generation(),
                            arrivals,
                            hosts,
                            null,
                            s.endedGenerations(),
                            s.endedReasons());
            return new Step(
                    next, new Verdict(Kind.WAITING, s.generation(), parties - 1 - position, null));
        }
        return new Step(
                endGeneration(s, ""), new Verdict(Kind.TRIPPED, s.generation(), 0, null, true));
    }

    /**
     * A party of the barrier is gone (its connection died): that breaks {@code generation} if the
     * party had arrived in it and it is still open. A party that never arrived breaks nothing.
     */
    static Step partyGone(State s, long generation, String party, String reason) {
        Verdict now = outcome(s, generation);
        if (now.kind() != Kind.WAITING || !Arrays.asList(s.arrivals()).contains(party)) {
            return new Step(s, now);
        }
        return breakOpen(s, reason);
    }

    /** A waiter gives up (its time ran out, it lost its connection): the generation breaks. */
    static Step giveUp(State s, long generation, String reason) {
        Verdict now = outcome(s, generation);
        if (now.kind() != Kind.WAITING) {
            return new Step(s, now);
        }
        return breakOpen(s, reason);
    }

    /**
     * Ends the open generation (its waiters are told it broke with {@code reason}, unless it had
     * broken already) and opens a fresh one. Nothing changes when nobody waits and it is not
     * broken.
     */
    static Step reset(State s, String reason) {
        if (s.brokenReason() == null && s.arrivals().length == 0) {
            return new Step(s, new Verdict(Kind.WAITING, s.generation(), -1, null));
        }
        String why = s.brokenReason() != null ? s.brokenReason() : reason;
        return new Step(
                endGeneration(s, why),
                new Verdict(Kind.BROKEN, s.generation(), -1, why, s.brokenReason() == null));
    }

    /** Reads without changing anything: how the open generation stands. */
    static Step read(State s) {
        return new Step(s, outcome(s, s.generation()));
    }

    /** How {@code generation} stands according to {@code s}. */
    static Verdict outcome(State s, long generation) {
        if (generation == s.generation()) {
            return s.brokenReason() == null
                    ? new Verdict(Kind.WAITING, generation, -1, null)
                    : broken(generation, s.brokenReason());
        }
        long[] ended = s.endedGenerations();
        for (int i = 0; i < ended.length; i++) {
            if (ended[i] == generation) {
                String reason = s.endedReasons()[i];
                return reason.isEmpty()
                        ? new Verdict(Kind.TRIPPED, generation, -1, null)
                        : broken(generation, reason);
            }
        }
        return new Verdict(
                Kind.UNKNOWN,
                generation,
                -1,
                "its generation " + generation + " is no longer known to the barrier (deleted?)");
    }

    /**
     * @throws ConfigurationException when the barrier on the broker has another number of parties
     */
    static void checkParties(State s, int parties, String primitive) {
        if (s.parties() != parties) {
            throw new ConfigurationException(
                    primitive
                            + " exists on the broker for "
                            + s.parties()
                            + " parties, not "
                            + parties
                            + ": give every process the same number, or delete() the barrier"
                            + " first");
        }
    }

    private static Verdict broken(long generation, String reason) {
        return new Verdict(Kind.BROKEN, generation, -1, reason);
    }

    private static Step breakOpen(State s, String reason) {
        State next =
                new State(
                        s.incarnation(),
                        s.parties(),
                        s.version(),
                        s.generation(),
                        s.arrivals(),
                        s.hosts(),
                        reason,
                        s.endedGenerations(),
                        s.endedReasons());
        return new Step(next, new Verdict(Kind.BROKEN, s.generation(), -1, reason, true));
    }

    /** The next generation, empty, remembering how this one ended ("" for a trip). */
    private static State endGeneration(State s, String reason) {
        long[] ended = Arrays.copyOf(s.endedGenerations(), s.endedGenerations().length + 1);
        ended[ended.length - 1] = s.generation();
        String[] reasons = append(s.endedReasons(), reason);
        int drop = Math.max(0, ended.length - ENDED_KEPT);
        return new State(
                s.incarnation(),
                s.parties(),
                s.version(),
                s.generation() + 1,
                NONE,
                NONE,
                null,
                Arrays.copyOfRange(ended, drop, ended.length),
                Arrays.copyOfRange(reasons, drop, reasons.length));
    }

    private static String[] append(String[] values, String value) {
        String[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }
}
