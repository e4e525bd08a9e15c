package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.sync.BarrierRules.Kind;
import dev.warren.sync.BarrierRules.Step;
import dev.warren.sync.BarrierWire.State;
import org.junit.jupiter.api.Test;

class BarrierRulesTest {
    private static final String BARRIER = "barrier 'epoch'";

    private State state = BarrierRules.initial("i1", 3);

    private Step arrive(String party) {
        Step step = BarrierRules.arrive(state, 3, party, "host-" + party, BARRIER);
        state = step.next();
        return step;
    }

    @Test
    void theLastOfThePartiesTripsAndEveryoneGetsADifferentIndex() {
        Step a = arrive("a");
        Step b = arrive("b");
        assertThat(a.verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(b.verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(state.arrivals()).containsExactly("a", "b");

        Step c = arrive("c");

        assertThat(c.verdict().kind()).isEqualTo(Kind.TRIPPED);
        assertThat(c.verdict().tellWaiters()).isTrue();
        assertThat(a.verdict().index()).isEqualTo(2);
        assertThat(b.verdict().index()).isEqualTo(1);
        assertThat(c.verdict().index()).isZero();
        assertThat(BarrierRules.outcome(state, 0).kind()).isEqualTo(Kind.TRIPPED);
    }

    @Test
    void fewerArrivalsThanPartiesNeverTrip() {
        arrive("a");
        Step b = arrive("b");

        assertThat(b.verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(BarrierRules.outcome(state, 0).kind()).isEqualTo(Kind.WAITING);
        assertThat(state.generation()).isZero();
    }

    @Test
    void theBarrierIsCyclicEachGenerationCountsItsOwnArrivals() {
        arrive("a");
        arrive("b");
        arrive("c");
        assertThat(state.generation()).isEqualTo(1);
        assertThat(state.arrivals()).isEmpty();

        Step d = arrive("d");
        assertThat(d.verdict().generation()).isEqualTo(1);
        assertThat(d.verdict().index()).isEqualTo(2);
        arrive("e");
        Step f = arrive("f");

        assertThat(f.verdict().kind()).isEqualTo(Kind.TRIPPED);
        assertThat(state.generation()).isEqualTo(2);
        assertThat(BarrierRules.outcome(state, 1).kind()).isEqualTo(Kind.TRIPPED);
    }

    @Test
    void aGoneArrivedPartyBreaksTheGenerationForEveryoneUntilReset() {
        arrive("a");
        arrive("b");

        Step gone = BarrierRules.partyGone(state, 0, "a", "a died");
        state = gone.next();

        assertThat(gone.verdict().kind()).isEqualTo(Kind.BROKEN);
        assertThat(gone.verdict().tellWaiters()).isTrue();
        assertThat(BarrierRules.outcome(state, 0).reason()).isEqualTo("a died");
        Step late = arrive("c");
        assertThat(late.verdict().kind()).isEqualTo(Kind.BROKEN);
        assertThat(late.verdict().reason()).isEqualTo("a died");
        assertThat(late.verdict().tellWaiters()).isFalse();

        Step reset = BarrierRules.reset(state, "reset");
        state = reset.next();
        assertThat(reset.verdict().tellWaiters()).as("already told when it broke").isFalse();
        assertThat(BarrierRules.outcome(state, 0).reason()).isEqualTo("a died");
        assertThat(arrive("d").verdict().kind()).isEqualTo(Kind.WAITING);
    }

    @Test
    void thePartyGoneNoticeOfAPartyThatNeverArrivedOrOfAnotherGenerationBreaksNothing() {
        arrive("a");
        arrive("b");
        arrive("c"); // generation 0 tripped
        arrive("d");

        Step stranger = BarrierRules.partyGone(state, 1, "x", "x died");
        Step earlier = BarrierRules.partyGone(state, 1, "a", "a died");
        Step afterTrip = BarrierRules.partyGone(state, 0, "a", "a died");

        assertThat(stranger.verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(stranger.next()).isSameAs(state);
        assertThat(earlier.verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(afterTrip.verdict().kind())
                .as("a party dying after the trip does not undo it")
                .isEqualTo(Kind.TRIPPED);
    }

    @Test
    void aTimeoutBreaksTheOpenGenerationButNotOneThatTrippedFirst() {
        arrive("a");
        arrive("b");
        arrive("c");
        Step tooLate = BarrierRules.giveUp(state, 0, "timed out");
        assertThat(tooLate.verdict().kind()).isEqualTo(Kind.TRIPPED);

        arrive("d");
        Step timeout = BarrierRules.giveUp(state, 1, "timed out");
        state = timeout.next();
        assertThat(timeout.verdict().kind()).isEqualTo(Kind.BROKEN);
        Step second = BarrierRules.giveUp(state, 1, "timed out too");
        assertThat(second.verdict().reason()).isEqualTo("timed out");
        assertThat(second.verdict().tellWaiters()).isFalse();
    }

    @Test
    void resetBreaksTheWaitersOfTheOpenGenerationAndOpensANewOne() {
        arrive("a");

        Step reset = BarrierRules.reset(state, "reset by h");
        state = reset.next();

        assertThat(reset.verdict().kind()).isEqualTo(Kind.BROKEN);
        assertThat(reset.verdict().tellWaiters()).isTrue();
        assertThat(BarrierRules.outcome(state, 0).reason()).isEqualTo("reset by h");
        assertThat(state.generation()).isEqualTo(1);
        assertThat(state.arrivals()).isEmpty();
        Step idle = BarrierRules.reset(state, "again");
        assertThat(idle.next()).as("nothing to reset").isSameAs(state);
    }

    @Test
    void aPartyWithAnotherNumberOfPartiesIsRefusedWithASentence() {
        assertThatThrownBy(() -> BarrierRules.arrive(state, 4, "a", "h", BARRIER))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "barrier 'epoch' exists on the broker for 3 parties, not 4: give every"
                                + " process the same number, or delete() the barrier first");
    }

    @Test
    void onlyTheLastGenerationsAreRememberedAndAnOlderOneIsUnknown() {
        State s = BarrierRules.initial("i1", 1);
        for (int i = 0; i < BarrierRules.ENDED_KEPT + 5; i++) {
            s = BarrierRules.arrive(s, 1, "p" + i, "h", BARRIER).next();
        }

        assertThat(s.endedGenerations()).hasSize(BarrierRules.ENDED_KEPT);
        assertThat(BarrierRules.outcome(s, 0).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(BarrierRules.outcome(s, s.generation() - 1).kind()).isEqualTo(Kind.TRIPPED);
    }
}
