package dev.warren.internal.protocol;

/**
 * The body of a refusal reply: a worker verified the task's signature, so its reply-to, and then
 * refused it (its class is not registered there, it expired, its result cannot be sent back...).
 *
 * <pre>{@code
 * Envelope reply = protocol.refusal(task, new TaskRefusal("UNREGISTERED_CLASS", detail, "host:42"));
 * }</pre>
 *
 * @param reason a {@link dev.warren.internal.wire.RejectReason} name
 * @param detail one line saying what the worker saw
 * @param worker the refusing process, as {@code host:pid}
 */
public record TaskRefusal(String reason, String detail, String worker) {

    /** The Kryo id of this wire record (below the application range). */
    public static final int KRYO_ID = 92;
}
