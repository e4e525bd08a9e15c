package dev.warren.internal.protocol;

/** What a reply says about one task, as {@link TaskProtocol#readReply} reads it. */
public sealed interface Reply {

    /** The task ran and returned {@code value}. */
    record Succeeded(Object value) implements Reply {}

    /** The task failed for good; {@code failure} says how. */
    record Failed(RemoteFailure failure) implements Reply {}

    /** A worker verified the task and refused it; {@code refusal} says why. */
    record Refused(TaskRefusal refusal) implements Reply {}

    /** Not a verified reply for the task asked about; {@code why} says what it is instead. */
    record NotForThisTask(String why) implements Reply {}
}
