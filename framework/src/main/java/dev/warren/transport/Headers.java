package dev.warren.transport;

/**
 * The names of Warren's AMQP headers: the wire contract every producer and worker shares. Version
 * 1.
 *
 * <pre>{@code
 * Object reason = properties.getHeaders().get(Headers.DEAD_REASON);
 * }</pre>
 */
public final class Headers {
    /** The wire format version this code writes and reads. */
    public static final int WIRE_VERSION = 1;

    public static final String VERSION = "x-warren-v";
    public static final String KEY_ID = "x-warren-key";
    public static final String SIGNATURE = "x-warren-sig";
    public static final String ATTEMPT = "x-warren-attempt";

    /**
     * Milliseconds since the epoch when the message is due (AMQP's own timestamp has only seconds).
     */
    public static final String TIMESTAMP = "x-warren-ts";

    /** Set on dead letters: a {@link RejectReason} name. */
    public static final String DEAD_REASON = "x-warren-dead-reason";

    /** Set on dead letters: one line saying what went wrong. */
    public static final String DEAD_DETAIL = "x-warren-dead-detail";

    /** Set on dead letters: the queue (logical name) the message was taken from. */
    public static final String ORIGIN_QUEUE = "x-warren-queue";

    /** Set on dead letters of failed tasks: the last error's stack trace. */
    public static final String LAST_ERROR = "x-warren-last-error";

    /** Set on messages a worker dead-letters: when, in milliseconds since the epoch. */
    public static final String DEAD_AT = "x-warren-dead-at";

    /** The AMQP type of a reply carrying a task's result. */
    public static final String REPLY_SUCCEEDED = "warren.reply.succeeded";

    /** The AMQP type of a reply carrying a {@link RemoteFailure}. */
    public static final String REPLY_FAILED = "warren.reply.failed";

    private Headers() {}
}
