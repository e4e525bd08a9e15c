package dev.warren.client;

import dev.warren.TaskId;
import dev.warren.WarrenException;
import java.util.List;

/**
 * A worker refused the task: it never ran (or, for {@link RefusalReason#UNSENDABLE_RESULT}, its
 * result could not come back). Unlike {@link TaskFailedException} there is no remote exception:
 * {@link #reason()} says what the worker objected to and {@link RefusalReason#fix()} what to do.
 * The task is in the dead-letter queue of its queue, as every refused task is.
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
    private final RefusalReason reason;
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
            RefusalReason reason,
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
            RefusalReason reason,
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

    public RefusalReason reason() {
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
}
