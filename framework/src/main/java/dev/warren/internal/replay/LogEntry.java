package dev.warren.internal.replay;

/**
 * One line of the log of taken tasks.
 *
 * @param taskTimestamp the task's own signed timestamp, which bounds how long it must be remembered
 */
public record LogEntry(Kind kind, TakenKey key, long taskTimestamp) {

    /** What happened to the task. */
    public enum Kind {
        /** A worker started it. */
        TAKEN,
        /** Its worker acknowledged it: done, retried as a new attempt, or dead-lettered. */
        SETTLED,
        /** Its worker gave it back to the queue unfinished, so a redelivery of it may run. */
        RELEASED
    }
}
