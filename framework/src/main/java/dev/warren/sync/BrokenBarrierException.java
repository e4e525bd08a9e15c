package dev.warren.sync;

/**
 * A {@link DistributedBarrier}'s generation broke before it tripped: a party's wait timed out, a
 * party that had arrived died or lost its connection, or someone called {@link
 * DistributedBarrier#reset()}. Every party waiting in that generation gets one; the message names
 * the barrier and the reason. The barrier stays broken until reset.
 *
 * <pre>{@code
 * try { barrier.await(Duration.ofSeconds(30)); }
 * catch (BrokenBarrierException e) { System.err.println(e.getMessage()); }
 * // barrier 'epoch' is broken: a party on build-7:4121 died (its connection to the broker closed) before the barrier tripped; ...
 * }</pre>
 */
public class BrokenBarrierException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public BrokenBarrierException(String message) {
        super(message);
    }
}
