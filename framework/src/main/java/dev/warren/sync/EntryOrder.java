package dev.warren.sync;

/**
 * A listener's place in a shared map's changes: events arrive in version order, and the owner that
 * takes over announces the last change again (its predecessor may have died before announcing it),
 * so an event at or below the last version seen is a repeat, and one more than a version ahead
 * means events were missed. Not thread-safe: one subscription's dispatch thread uses it.
 */
final class EntryOrder {
    private long last; // 0: nothing seen yet

    /** What to do with an event. */
    enum Verdict {
        DELIVER,
        REPEAT,
        DELIVER_AFTER_MISSED
    }

    Verdict offer(long version) {
        if (version <= last) {
            return Verdict.REPEAT;
        }
        boolean missed = last != 0 && version > last + 1;
        last = version;
        return missed ? Verdict.DELIVER_AFTER_MISSED : Verdict.DELIVER;
    }

    long last() {
        return last;
    }
}
