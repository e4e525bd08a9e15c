package dev.warren.client;

/**
 * Why a worker refused a task, as {@link TaskRefusedException#reason()} tells it, each with the
 * likely fix.
 *
 * <pre>{@code
 * catch (TaskRefusedException e) {
 *     if (e.reason() == RefusalReason.UNREGISTERED_CLASS) redeployWorkers();
 * }
 * }</pre>
 */
public enum RefusalReason {
    MISSING_SIGNATURE(
            "the task reached the worker without its signature headers: check that nothing between"
                    + " this client and the broker strips AMQP headers"),
    UNKNOWN_KEY(
            "the worker holds none of the key ids this client signs with: give every host the same"
                    + " keys (WARREN_KEYS)"),
    BAD_SIGNATURE(
            "the worker's key of that id has another secret, or the message was altered on the way:"
                    + " give every host the same keys (WARREN_KEYS)"),
    UNSUPPORTED_VERSION("run the same Warren version on clients and workers"),
    OVERSIZED("the task is larger than the worker's maxBodyBytes: raise it there, or send less"),
    UNDECODABLE(
            "the worker cannot decode the task: run the same task classes and Warren version on"
                    + " every host"),
    UNREGISTERED_CLASS(
            "the worker does not know the task's class (a stale jar?): deploy the same task jar and"
                    + " registrations to every worker"),
    NOT_A_TASK("the message's type header does not name the task it holds"),
    EXPIRED(
            "the task waited longer than maxMessageAge before a worker took it, or the clocks"
                    + " differ: add workers, raise maxMessageAge, or synchronise the clocks (NTP)"),
    MISDIRECTED("the task was moved to a queue it was not signed for"),
    DELIVERY_LIMIT(
            "the task stopped its workers again and again: look for crashes in the workers' logs"),
    WORKER_ERROR("the worker failed on the task twice: see the worker's log"),
    UNSENDABLE_RESULT(
            "the task ran, but its result cannot be encoded: register the result's classes on"
                    + " workers and clients, or keep it under maxBodyBytes"),
    /** A reason this version of Warren does not know, from a newer worker. */
    OTHER("upgrade this client to read the worker's reason");

    private final String fix;

    RefusalReason(String fix) {
        this.fix = fix;
    }

    /** What usually fixes it, in a sentence. */
    public String fix() {
        return fix;
    }

    /** The reason a worker named, {@link #OTHER} for one this version does not know. */
    static RefusalReason named(String name) {
        for (RefusalReason reason : values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return OTHER;
    }
}
