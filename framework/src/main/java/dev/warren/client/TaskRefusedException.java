package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.util.List;

/**
 * A worker refused the task: it never ran (or, for {@link Reason#UNSENDABLE_RESULT}, its result
 * could not come back). Unlike {@link TaskFailedException} there is no remote exception: {@link
 * #reason()} says what the worker objected to and {@link Reason#fix()} what to do. The task is in
 * the dead-letter queue of its queue, as every refused task is.
 *
 * <pre>{@code
 * try { handle.await(Duration.ofMinutes(1)); }
 * catch (TaskRefusedException e) {
 *     log.error("{} refused by {}: {}", e.taskId(), e.worker(), e.reason().fix());
 * }
 * }</pre>
 */
public class TaskRefusedException extends WarrenException {
    private static final long serialVersionUID = 1L;

    private final TaskId taskId;
    private final Reason reason;
    private final String worker;
    private final boolean workerVerified;
    private final List<String> workerKeyIds;

    /**
     * @param worker the refusing process as it names itself ({@code host:pid})
     * @param workerVerified whether this client verified the worker's signature on what it said
     * @param workerKeyIds the ids of the worker's keys, empty when not given
     * @param detail what the worker saw, or null
     */
    public TaskRefusedException(
            TaskId taskId,
            String taskType,
            Reason reason,
            String worker,
            boolean workerVerified,
            List<String> workerKeyIds,
            String detail) {
        super(message(taskId, taskType, reason, worker, workerVerified, workerKeyIds, detail));
        this.taskId = taskId;
        this.reason = reason;
        this.worker = worker;
        this.workerVerified = workerVerified;
        this.workerKeyIds = List.copyOf(workerKeyIds);
    }

    private static String message(
            TaskId id,
            String type,
            Reason reason,
            String worker,
            boolean verified,
            List<String> keyIds,
            String detail) {
        String task = "Task " + type.substring(type.lastIndexOf('.') + 1) + " " + id;
        if (!verified) {
            return task
                    + " was refused with "
                    + reason
                    + " by worker "
                    + worker
                    + ", whose key ids are "
                    + keyIds
                    + ": this client could not verify the worker either, so the two hold"
                    + " different keys. Fix: give every host the same keys (WARREN_KEYS), the same"
                    + " ids with the same secrets";
        }
        return task
                + " was refused by worker "
                + worker
                + ": "
                + reason
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
                + ". Fix: "
                + reason.fix();
    }

    public TaskId taskId() {
        return taskId;
    }

    public Reason reason() {
        return reason;
    }

    /** The refusing worker as it names itself, {@code host:pid}. */
    public String worker() {
        return worker;
    }

    /**
     * Whether this client verified the worker's signature; when false, the refusal was accepted
     * only because it echoed this task's own signature.
     */
    public boolean workerVerified() {
        return workerVerified;
    }

    /** The worker's key ids, as its notice gave them; empty for a refusal reply. */
    public List<String> workerKeyIds() {
        return workerKeyIds;
    }

    /**
     * Why a worker refused a task, each with the likely fix.
     *
     * <pre>{@code
     * if (e.reason() == TaskRefusedException.Reason.UNREGISTERED_CLASS) redeployWorkers();
     * }</pre>
     */
    public enum Reason {
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
        OVERSIZED(
                "the task is larger than the worker's maxBodyBytes: raise it there, or send less"),
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
        OTHER("upgrade this client to read the worker's reason"),
        CODE_NOT_ACCEPTED(
                "the task comes with its code and the worker does not run shipped code: start it with"
                        + " --accept-code, or deploy the task's jar to it and turn shipCode off"),
        BUNDLE_REFUSED(
                "the worker refused the task's shipped code (tampered, too large, or signed with a key"
                        + " it does not accept for code): see the dead letter's detail"),
        BUNDLE_MISSING(
                "the task's shipped code was not on the broker, even after the client put it again"
                        + " and submitted the task once more: check that the producer can declare"
                        + " warren.bundle.* queues, then submit it again");

        private final String fix;

        Reason(String fix) {
            this.fix = fix;
        }

        /** What usually fixes it, in a sentence. */
        public String fix() {
            return fix;
        }

        /** The reason a worker named, {@link #OTHER} for one this version does not know. */
        static Reason named(String name) {
            for (Reason reason : values()) {
                if (reason.name().equals(name)) {
                    return reason;
                }
            }
            return OTHER;
        }
    }
}
